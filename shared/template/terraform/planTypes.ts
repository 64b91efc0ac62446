/**
 * The parts of `terraform show -json PLANFILE` the audit reads, as plain data
 * (https://developer.hashicorp.com/terraform/internals/json-format). Built by readTerraformPlan.
 */

/** A `<block-expressions-representation>`: attribute expressions and nested blocks (one object or a list of them). */
export type PlanBlock = { readonly [name: string]: unknown };

/** One `resource` or `data` block of a module's configuration. */
export type ConfigResource = {
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly providerConfigKey: string | undefined;
  readonly expressions: PlanBlock;
  /** True when the block has `count` or `for_each`. */
  readonly repeated: boolean;
};

/** One module of the configuration (the root module or the `module` of a module call). */
export type ConfigModule = {
  readonly resources: readonly ConfigResource[];
  /** Module calls by name: the arguments given to the child module and the child module itself. */
  readonly calls: ReadonlyMap<string, { readonly expressions: PlanBlock; readonly module: ConfigModule }>;
  /** Output expressions by name. */
  readonly outputs: ReadonlyMap<string, PlanBlock>;
};

/** One resource instance of the plan, with its values after the plan and what of them is unknown until apply. */
export type PlanResource = {
  /** The absolute address, e.g. `module.orders.aws_sfn_state_machine.main["eu"]`. */
  readonly address: string;
  /** The module instance it belongs to (`module.orders`, `module.jobs[0]`), `` for the root module. */
  readonly moduleAddress: string;
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  /** The `count` index or `for_each` key of the instance, when the block has one. */
  readonly index?: string | number;
  /** The known values after the plan (`change.after`, else the planned or prior state values). */
  readonly values: Readonly<Record<string, unknown>>;
  /** `change.after_unknown`: `true` at each value known only after apply (undefined when everything is known). */
  readonly unknown: unknown;
  /** The planned actions (`create`, `update`, `no-op`, `read` …); empty for an instance only in a state. */
  readonly actions: readonly string[];
  /** The resource's block in the configuration, when the plan has one. */
  readonly config: ConfigResource | undefined;
};

/** A provider configuration block (`configuration.provider_config`). */
export type ProviderConfig = { readonly name: string; readonly moduleAddress: string; readonly expressions: PlanBlock };

/** A Terraform plan (or state) as the audit reads it. */
export type TerraformPlan = {
  /** The plan file as typed, and its text (for positions). */
  readonly path: string;
  readonly text: string;
  /** Every resource instance (managed and data), in plan order: resource changes first, then state-only data. */
  readonly resources: readonly PlanResource[];
  /** Resource instances by absolute address. */
  readonly byAddress: ReadonlyMap<string, PlanResource>;
  /** The root module's configuration (empty when the plan has none). */
  readonly configuration: ConfigModule;
  readonly providers: ReadonlyMap<string, ProviderConfig>;
  /** Root module input variable values (`variables`). */
  readonly variables: ReadonlyMap<string, unknown>;
};
