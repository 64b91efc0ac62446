import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../cli/builtCli.js';

type Hook = {
  id: string;
  name: string;
  entry: string;
  language: string;
  files: string;
  pass_filenames: boolean;
  require_serial?: boolean;
};

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const hook = (id: string) => hooks.find((candidate) => candidate.id === id) as Hook;
// pre-commit matches `files` with Python's re.search; these patterns use only syntax JavaScript reads the same way.
const matches = (id: string, path: string) => new RegExp(hook(id).files).test(path);

describe('.pre-commit-hooks.yaml', () => {
  it('declares the two hooks as node hooks that run sfn-role-audit check', () => {
    expect(hooks.map(({ id, entry, language, pass_filenames }) => ({ id, entry, language, pass_filenames }))).toEqual([
      { id: 'sfn-role-audit', entry: 'sfn-role-audit check', language: 'node', pass_filenames: true },
      { id: 'sfn-role-audit-all', entry: 'sfn-role-audit check', language: 'node', pass_filenames: false },
    ]);
  });

  it('names an entry that is the bin of the package', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    for (const { entry } of hooks) expect(Object.keys(pkg.bin)).toContain(entry.split(' ')[0]);
  });

  it.each<{ path: string; changed: boolean; all: boolean }>([
    { path: 'template.yaml', changed: true, all: true },
    { path: 'services/orders/template.yml', changed: true, all: true },
    { path: 'infra/orders.template.json', changed: true, all: true },
    { path: 'cdk.out/OrdersStack.template.json', changed: true, all: true },
    { path: 'statemachine/orders.asl.json', changed: false, all: true },
    { path: 'statemachine/orders.asl.yaml', changed: false, all: true },
    { path: '.sfn-role-audit.yml', changed: false, all: true },
    { path: 'mytemplate.yaml', changed: false, all: false },
    { path: 'template.yaml.bak', changed: false, all: false },
    { path: 'src/handler.ts', changed: false, all: false },
  ])('$path: changed-files hook $changed, config hook $all', ({ path, changed, all }) => {
    expect(matches('sfn-role-audit', path)).toBe(changed);
    expect(matches('sfn-role-audit-all', path)).toBe(all);
  });
});
