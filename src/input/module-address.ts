/**
 * Module addresses as Terraform writes them: `module.a["key"].module.b[0]`. Instance keys are quoted HCL
 * strings and may contain dots and brackets, so splitting on "." is wrong; this walks the syntax instead.
 */

/** The module call names along an address, instance keys dropped: `module.a["x.y"].module.b[0]` → `["a", "b"]`. */
export function moduleCallNames(moduleAddress: string): string[] {
  const names: string[] = [];
  let i = 0;
  while (i < moduleAddress.length) {
    if (!moduleAddress.startsWith('module.', i)) break;
    i += 'module.'.length;
    const nameMatch = /^[A-Za-z0-9_-]+/.exec(moduleAddress.slice(i, i + 256));
    if (!nameMatch) break;
    names.push(nameMatch[0]);
    i += nameMatch[0].length;
    if (moduleAddress[i] === '[') i = skipIndex(moduleAddress, i);
    if (moduleAddress[i] === '.') i++;
  }
  return names;
}

/** Index just past the `[...]` that starts at `open`, honouring quoted keys with escapes. */
function skipIndex(text: string, open: number): number {
  let i = open + 1;
  if (text[i] === '"') {
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
  }
  const close = text.indexOf(']', i);
  return close === -1 ? text.length : close + 1;
}

/** `module.a.module.b` (the configuration path form, without keys) for a list of call names. */
export function configModulePath(names: readonly string[]): string {
  return names.map((name) => `module.${name}`).join('.');
}
