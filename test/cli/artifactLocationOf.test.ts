import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artifactLocationOf, displayPathOf, sourceRootUriOf } from '../../cli/artifactLocationOf.js';
import { findRepositoryRoot } from '../../cli/findRepositoryRoot.js';

const REPO = '/work/repo';
const BASE = { cwd: `${REPO}/infra`, root: REPO };
const SRC = '%SRCROOT%';

describe('artifactLocationOf', () => {
  it.each([
    { name: 'a path relative to the working folder', path: 'sm.asl.json', uri: 'infra/sm.asl.json' },
    { name: 'a ./ path', path: './statemachines/sm.asl.json', uri: 'infra/statemachines/sm.asl.json' },
    { name: 'a ../ path back into the repository', path: '../../repo/infra/sm.asl.json', uri: 'infra/sm.asl.json' },
    { name: 'an absolute path in the repository', path: `${REPO}/infra/sm.asl.json`, uri: 'infra/sm.asl.json' },
    {
      name: 'a path with a space, a percent sign and a hash',
      path: 'my dir/50%#1.json',
      uri: 'infra/my%20dir/50%25%231.json',
    },
    { name: 'a path whose first segment holds a colon', path: '../a:b.json', uri: 'a%3Ab.json' },
  ])('makes $name relative to the repository root', ({ path, uri }) => {
    expect(artifactLocationOf(path, BASE)).toEqual({ uri, uriBaseId: SRC });
  });

  it.each([
    { name: 'an absolute path outside the repository', path: '/etc/sfn/sm.json', uri: 'file:///etc/sfn/sm.json' },
    { name: 'a ../ path leaving the repository', path: '../../other/sm.json', uri: 'file:///work/other/sm.json' },
  ])('gives $name as a file URI without a base', ({ path, uri }) => {
    expect(artifactLocationOf(path, BASE)).toEqual({ uri });
  });

  it('keeps the ARN of a live check as it is', () => {
    const arn = 'arn:aws:states:us-east-1:111122223333:stateMachine:orders';
    expect(artifactLocationOf(arn, BASE)).toEqual({ uri: arn });
  });

  it('resolves a symbolic link to the file it names', () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'sfn-role-audit-link-')));
    mkdirSync(join(root, '.git'));
    mkdirSync(join(root, 'real'));
    writeFileSync(join(root, 'real', 'sm.json'), '{}');
    symlinkSync(join(root, 'real', 'sm.json'), join(root, 'link.json'));
    expect(artifactLocationOf('link.json', { cwd: root, root })).toEqual({ uri: 'real/sm.json', uriBaseId: SRC });
  });
});

describe('findRepositoryRoot', () => {
  it('finds the nearest folder upwards with a .git folder or file (worktree, submodule)', () => {
    const top = realpathSync(mkdtempSync(join(tmpdir(), 'sfn-role-audit-root-')));
    mkdirSync(join(top, 'repo', 'infra', 'deep'), { recursive: true });
    mkdirSync(join(top, 'repo', '.git'));
    expect(findRepositoryRoot(join(top, 'repo', 'infra', 'deep'))).toBe(join(top, 'repo'));
    mkdirSync(join(top, 'repo', 'sub', 'x'), { recursive: true });
    writeFileSync(join(top, 'repo', 'sub', '.git'), 'gitdir: ../.git/modules/sub\n');
    expect(findRepositoryRoot(join(top, 'repo', 'sub', 'x'))).toBe(join(top, 'repo', 'sub'));
  });

  it('falls back to the working folder outside any repository', () => {
    const folder = realpathSync(mkdtempSync(join(tmpdir(), 'sfn-role-audit-norepo-')));
    expect(findRepositoryRoot(folder)).toBe(folder);
  });
});

describe('sourceRootUriOf and displayPathOf', () => {
  it('writes the root as a file URI ending in a slash', () => {
    expect(sourceRootUriOf(REPO)).toBe(`${pathToFileURL(REPO).href}/`);
  });

  it('decodes a repository URI for people and leaves other URIs alone', () => {
    expect(displayPathOf({ uri: 'infra/my%20dir/a.json', uriBaseId: SRC })).toBe('infra/my dir/a.json');
    expect(displayPathOf({ uri: 'file:///etc/a.json' })).toBe('file:///etc/a.json');
  });
});
