import { type LoadedTemplateModel, loadTemplateModel } from '../../shared/template/loadTemplateModel.js';
import type { StackPlacement } from '../../shared/template/model.js';

/** Where the test templates deploy. */
export const PLACEMENT: StackPlacement = {
  partition: 'aws',
  region: 'eu-west-1',
  account: '111122223333',
  stackName: 'shop',
};

/** The model of a template given as YAML text or as an object (written as JSON). */
export function templateModelOf(
  template: string | Record<string, unknown>,
  options: { parameters?: Record<string, string>; placement?: StackPlacement; path?: string } = {},
): LoadedTemplateModel {
  return loadTemplateModel({
    path: options.path ?? 'template.yaml',
    text: typeof template === 'string' ? template : JSON.stringify(template, null, 2),
    placement: options.placement ?? PLACEMENT,
    parameters: new Map(Object.entries(options.parameters ?? {})),
  });
}
