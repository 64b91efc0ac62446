import { DEFINITION_OPTIONS } from './definitionOptions.js';

/** The flags of `sfn-role-audit check`. */
export const CHECK_OPTIONS = {
  ...DEFINITION_OPTIONS,
  policy: { type: 'string', multiple: true },
  'authorization-details': { type: 'string' },
  'role-name': { type: 'string' },
  boundary: { type: 'string' },
  scp: { type: 'string', multiple: true },
  context: { type: 'string', multiple: true },
  'fail-on': { type: 'string' },
  ignore: { type: 'string', multiple: true },
  simulator: { type: 'string' },
} as const;

/** The parsed flags of `sfn-role-audit check`. */
export type CheckFlags = {
  [K in keyof typeof CHECK_OPTIONS]?: (typeof CHECK_OPTIONS)[K] extends { multiple: true }
    ? string[]
    : (typeof CHECK_OPTIONS)[K] extends { type: 'boolean' }
      ? boolean
      : string;
};
