/**
 * A matcher for a config file's target-id glob: `*` stands for any text without `/`, `**` for any text at all, `?`
 * for one character other than `/`; everything else is literal (`#`, `.`, `[` included). So
 * `infra/*.yaml#Orders*` matches `infra/app.yaml#OrdersStateMachine` but not `infra/legacy/app.yaml#Orders`, and
 * `**#Orders` matches the `Orders` resource of any template.
 */
export function compileTargetGlob(glob: string): (id: string) => boolean {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index] as string;
    if (char === '*' && glob[index + 1] === '*') {
      source += '.*';
      while (glob[index + 1] === '*') index++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  const pattern = new RegExp(`^${source}$`, 'su');
  return (id) => pattern.test(id);
}
