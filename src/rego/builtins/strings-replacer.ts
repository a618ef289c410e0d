/**
 * Go's strings.Replacer semantics, used by `replace` and `strings.replace_n`: the input is scanned
 * once, left to right; at each position the first pair (in argument order) whose old string
 * matches wins; replaced text is never rescanned. An empty old string matches at every position
 * (between code points), but not twice in a row at the same position.
 */

export interface Replacement {
  readonly from: string;
  readonly to: string;
}

/** The first pair, in order, whose `from` occurs at `pos`; empty `from`s are skipped when asked. */
function lookup(s: string, pos: number, pairs: readonly Replacement[], skipEmpty: boolean): Replacement | undefined {
  for (const pair of pairs) {
    if (pair.from === '' && skipEmpty) continue;
    if (s.startsWith(pair.from, pos)) return pair;
  }
  return undefined;
}

export function replaceAll(s: string, pairs: readonly Replacement[]): string {
  if (pairs.length === 0) return s;
  if (pairs.length === 1 && pairs[0].from !== '') return s.split(pairs[0].from).join(pairs[0].to);
  let out = '';
  let last = 0;
  let prevMatchEmpty = false;
  let pos = 0;
  while (pos <= s.length) {
    const match = lookup(s, pos, pairs, prevMatchEmpty);
    prevMatchEmpty = match !== undefined && match.from === '';
    if (match) {
      out += s.slice(last, pos) + match.to;
      pos += match.from.length;
      last = pos;
      continue;
    }
    // Advance by a whole code point so an empty pattern never splits a surrogate pair.
    pos += pos < s.length && (s.codePointAt(pos) ?? 0) > 0xffff ? 2 : 1;
  }
  if (last < s.length) out += s.slice(last);
  return out;
}
