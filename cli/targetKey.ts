import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * A target id (`PreparedAudit.id`) as it reads from `baseDir`, the folder of the config or baseline file that names
 * it: the file part (before the first `#`) resolved against `cwd` and made relative to `baseDir` with `/`
 * separators, the rest (`#LogicalId`) kept; an ARN (a live target) unchanged. So `./infra/app.yaml#Orders` typed
 * in the repository root and `../infra/app.yaml#Orders` typed in a subfolder are the same key.
 */
export function targetKey(id: string, cwd: string, baseDir: string): string {
  if (id.startsWith('arn:')) return id;
  const hash = id.indexOf('#');
  const file = hash === -1 ? id : id.slice(0, hash);
  if (file === '') return id;
  const rest = hash === -1 ? '' : id.slice(hash);
  const path = relative(baseDir, resolve(cwd, file));
  const key = path === '' ? '.' : path;
  return `${isAbsolute(key) ? key : key.split(sep).join('/')}${rest}`;
}
