/** Types of Amazon States Language definitions as sfn-role-audit reads them. */
import type { StateRef } from '../types.js';

export type QueryLanguage = 'JSONPath' | 'JSONata';

/** One state object as written in the definition (only the fields we read are typed). */
export type AslState = Record<string, unknown> & { Type: string };

/** A parsed definition: an object with StartAt and States (validated by parseDefinition). */
export type AslDefinition = Record<string, unknown> & {
  StartAt: string;
  States: Record<string, AslState>;
  QueryLanguage?: QueryLanguage;
};

/** A problem that makes a definition invalid, with where it is. */
export type DefinitionIssue = {
  message: string;
  /** JSON keys from the root to the offending value. */
  path: string[];
};

/** Result of parsing a definition: a value, never an exception. */
export type ParseResult = { ok: true; definition: AslDefinition } | { ok: false; issues: DefinitionIssue[] };

/** A state reached by walking the definition. */
export type StateVisit = {
  ref: StateRef;
  state: AslState;
  /** The effective query language (state's own, else the top level's, else JSONPath). */
  queryLanguage: QueryLanguage;
  /** True for states that run as child executions of a DISTRIBUTED Map (inside its ItemProcessor). */
  insideDistributedMap: boolean;
};

/** What is known of one field's value before run time. */
export type FieldValue =
  | { kind: 'literal'; value: unknown }
  /**
   * Only known at run time. `knownPrefix` is the literal start of the value when it can be read from the
   * expression (a States.Format template such as 'arn:aws:lambda:...:function:orders-{}' gives
   * 'arn:aws:lambda:...:function:orders-').
   */
  | {
      kind: 'dynamic';
      expression: string;
      knownPrefix?: string;
      /** Set when the value is literal text holding an unapplied `${…}` DefinitionSubstitutions placeholder. */
      placeholder?: string;
    };
