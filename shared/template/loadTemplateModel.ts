import { InputError } from '../local/InputError.js';
import { isRecord } from '../local/isRecord.js';
import { evaluateCondition } from './evaluateCondition.js';
import { type IntrinsicScope, type Notes, textOf, unknownValue } from './intrinsicScope.js';
import type { StackPlacement, TemplateModel, TemplateResource } from './model.js';
import { parseTemplateText } from './parseTemplateText.js';
import { pseudoParameters } from './pseudoParameters.js';
import { resolveIntrinsics } from './resolveIntrinsics.js';
import { createResourceReferences } from './resourceReferences.js';
import { samImplicitResources } from './samImplicitResources.js';
import { templateParameters } from './templateParameters.js';

/** A template file to model, where it is deployed, and the --parameter values. */
export type TemplateModelInput = {
  readonly path: string;
  readonly text: string;
  readonly placement: StackPlacement;
  /** `Name` → value for template parameters; `Fn::ImportValue:ExportName` → value for imports. */
  readonly parameters?: ReadonlyMap<string, string>;
};

/** The model, plus what the template loader needs to tell one state machine's notes from another's. */
export type LoadedTemplateModel = TemplateModel & {
  readonly format: 'json' | 'yaml';
  /** Resolves a value and returns the notes this value alone brings (each also in `notes`). */
  resolveNoting(value: unknown): { value: unknown; notes: string[] };
  /** Notes about a resource itself (a Condition that cannot be decided) and about the whole template (a macro). */
  notesOf(logicalId: string): string[];
  /** The same model, also adding every note its resolutions bring to `sink` (a target's own notes). */
  noting(sink: Set<string>): TemplateModel;
};

/** The import-value keys of --parameter: `Fn::ImportValue:SharedBucket=my-bucket`. */
export const IMPORT_VALUE_PREFIX = 'Fn::ImportValue:';

const SAM_TRANSFORM = 'AWS::Serverless-2016-10-31';
/** Transforms whose effect the model applies (SAM through the role and state machine readers) or does not need. */
const KNOWN_TRANSFORMS = new Set([SAM_TRANSFORM, 'AWS::LanguageExtensions']);

function transformsOf(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list.map((item) => textOf(item) ?? (isRecord(item) ? (textOf(item.Name) ?? 'a macro') : 'a macro'));
}

function resourceOf(logicalId: string, raw: Record<string, unknown>, type: string): TemplateResource {
  const dependsOn = typeof raw.DependsOn === 'string' ? [raw.DependsOn] : raw.DependsOn;
  return {
    logicalId,
    type,
    properties: isRecord(raw.Properties) ? raw.Properties : {},
    ...(isRecord(raw.Metadata) ? { metadata: raw.Metadata } : {}),
    ...(typeof raw.Condition === 'string' ? { condition: raw.Condition } : {}),
    ...(Array.isArray(dependsOn) ? { dependsOn: dependsOn.filter((d): d is string => typeof d === 'string') } : {}),
    ...(isRecord(raw.Connectors) ? { connectors: raw.Connectors } : {}),
  };
}

/**
 * Parses a CloudFormation or SAM template (JSON or YAML with short-form tags) and builds its TemplateModel for one
 * placement: parameters (--parameter, else Default), pseudo parameters, Mappings, Conditions in three values (a
 * resource whose Condition is false is left out; one that cannot be decided is kept, with a note), one deterministic
 * physical name per resource and the `Ref`/`Fn::GetAtt` of each type (shared/template/resourceTypes.ts). A file that
 * is not a template (a list, a scalar) is an InputError; one without `Resources` has no resources.
 */
export function loadTemplateModel(input: TemplateModelInput): LoadedTemplateModel {
  const { path, text, placement } = input;
  const parsed = parseTemplateText(text, path);
  const body = parsed.value;
  if (!isRecord(body)) {
    throw new InputError(`${path}: not a CloudFormation template (expected a mapping with Resources, Parameters, …)`);
  }
  const overrides = input.parameters ?? new Map<string, string>();
  const parameters = templateParameters(body.Parameters, overrides);
  const { values: pseudo, urlSuffix } = pseudoParameters(placement);
  const mappings = isRecord(body.Mappings) ? body.Mappings : {};
  const conditions = isRecord(body.Conditions) ? body.Conditions : {};
  const transforms = transformsOf(body.Transform);
  const templateNotes = transforms
    .filter((name) => !KNOWN_TRANSFORMS.has(name))
    .map((name) => `the template's Transform ${name} is not run offline: the template is audited as written`);
  const visible = new Map<string, TemplateResource>();
  const excluded = new Set<string>();
  const all = new Map<string, TemplateResource>();
  const references = createResourceReferences({
    placement,
    urlSuffix,
    resources: all,
    resolve: (v, n) => resolve(v, n),
  });
  const decided = new Map<string, { value: boolean | undefined; notes: string[] }>();
  const deciding = new Set<string>();

  const scope: IntrinsicScope = {
    region: placement.region,
    ref(name, notes) {
      if (name === 'AWS::NoValue') return undefined;
      const known = pseudo.get(name);
      if (known !== undefined) return known;
      if (name === 'AWS::NotificationARNs') {
        return unknownValue(notes, name, "the stack's notification ARNs (AWS::NotificationARNs) are not known offline");
      }
      const parameter = parameters.get(name);
      if (parameter !== undefined) {
        if (parameter.note !== undefined) notes.add(parameter.note);
        return parameter.value;
      }
      const why = excluded.has(name)
        ? `Ref ${name}: the resource is not created (its Condition is false)`
        : `Ref ${name} names no parameter, pseudo parameter or resource of the template`;
      return references.ref(name, notes) ?? unknownValue(notes, `Ref ${name}`, why);
    },
    getAtt(logicalId, attribute, notes) {
      const what = `Fn::GetAtt ${logicalId}.${attribute}`;
      const why = excluded.has(logicalId)
        ? `${what}: the resource is not created (its Condition is false)`
        : `${what} names no resource of the template`;
      return references.getAtt(logicalId, attribute, notes) ?? unknownValue(notes, what, why);
    },
    condition(name, notes) {
      let cached = decided.get(name);
      if (cached === undefined) {
        if (deciding.has(name)) {
          notes.add(`Condition ${name} refers back to itself`);
          return undefined;
        }
        deciding.add(name);
        const own: Notes = new Set();
        const defined = Object.hasOwn(conditions, name);
        if (!defined) own.add(`Condition ${name} is not in the template's Conditions`);
        const value = defined ? evaluateCondition(conditions[name], scope, own) : undefined;
        if (value === undefined) own.add(`Condition ${name} cannot be decided offline`);
        cached = { value, notes: [...own] };
        deciding.delete(name);
        decided.set(name, cached);
      }
      for (const note of cached.notes) notes.add(note);
      return cached.value;
    },
    mapping(map, top, second) {
      const level1 = Object.hasOwn(mappings, map) ? mappings[map] : undefined;
      const level2 = isRecord(level1) && Object.hasOwn(level1, top) ? level1[top] : undefined;
      return isRecord(level2) && Object.hasOwn(level2, second) ? level2[second] : undefined;
    },
    importValue: (name) => overrides.get(`${IMPORT_VALUE_PREFIX}${name}`),
  };
  const allNotes = new Set<string>(templateNotes);
  const resolve = (value: unknown, notes: Notes) => resolveIntrinsics(value, scope, notes);
  const resourceNotes = new Map<string, string[]>();

  const section = isRecord(body.Resources) ? body.Resources : {};
  for (const [logicalId, raw] of Object.entries(section)) {
    if (!isRecord(raw) || typeof raw.Type !== 'string') {
      allNotes.add(`${logicalId}: not a resource (no Type); left out`);
      continue;
    }
    const resource = resourceOf(logicalId, raw, raw.Type);
    if (resource.condition !== undefined) {
      const notes: Notes = new Set();
      const holds = scope.condition(resource.condition, notes);
      if (holds === false) {
        excluded.add(logicalId);
        continue;
      }
      if (holds === undefined) {
        notes.add(`${logicalId}: its Condition ${resource.condition} cannot be decided offline; audited as if created`);
        resourceNotes.set(logicalId, [...notes]);
        for (const note of notes) allNotes.add(note);
      }
    }
    visible.set(logicalId, resource);
  }
  const globals = isRecord(body.Globals) && isRecord(body.Globals.Function) ? body.Globals.Function : {};
  for (const [id, resource] of [...visible, ...samImplicitResources(visible, globals)]) all.set(id, resource);

  const resolveNoting = (value: unknown) => {
    const notes: Notes = new Set();
    const resolved = resolve(value, notes);
    for (const note of notes) allNotes.add(note);
    return { value: resolved, notes: [...notes] };
  };
  const modelNoting = (sink: Notes | undefined): TemplateModel => {
    const noting = <T>(fn: (notes: Notes) => T): T => {
      const notes: Notes = new Set();
      const value = fn(notes);
      for (const note of notes) {
        allNotes.add(note);
        sink?.add(note);
      }
      return value;
    };
    return {
      path,
      text,
      placement,
      sam: transforms.includes(SAM_TRANSFORM),
      resources: visible,
      resolve: (value) => noting((notes) => resolve(value, notes)),
      refOf: (logicalId) => noting((notes) => references.ref(logicalId, notes)),
      attributeOf: (logicalId, attribute) =>
        references.hasAttribute(logicalId, attribute)
          ? noting((notes) => references.getAtt(logicalId, attribute, notes))
          : undefined,
      positionOf: (keyPath) => parsed.positionOf(keyPath),
      get notes() {
        return [...allNotes];
      },
    };
  };
  const model = modelNoting(undefined);
  return Object.assign(model, {
    format: parsed.format,
    resolveNoting,
    notesOf: (logicalId: string) => [...templateNotes, ...(resourceNotes.get(logicalId) ?? [])],
    noting: (sink: Notes) => modelNoting(sink),
  });
}
