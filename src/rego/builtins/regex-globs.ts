/**
 * regex.globs_match: whether two "regex-ish globs" (the syntax of OPA's glob-intersection library:
 * literal characters, `.` for any character, `[…]` sets with ranges, postfix `+` and `*`, and `\`
 * escapes) match at least one common string.
 *
 * Each glob is a sequence of single-character matchers, each once, one-or-more or zero-or-more.
 * The intersection is non-empty exactly when the product of the two automata can reach the pair
 * of final positions, which a breadth-first search over position pairs decides.
 */
import { BuiltinError } from './builtin.js';

type Matcher = { kind: 'char'; cp: number } | { kind: 'any' } | { kind: 'set'; ranges: [number, number][] };
type Flag = 'once' | 'plus' | 'star';
interface Token {
  matcher: Matcher;
  flag: Flag;
}

const INVALID = 'the input provided is invalid';

function invalid(input: string, pos: number, message: string): BuiltinError {
  return new BuiltinError(`input:${input}, pos:${pos}, ${message}: ${INVALID}`);
}

interface Rune {
  cp: number;
  escaped: boolean;
  next: number;
}

function nextRune(runes: number[], index: number, input: string): Rune | undefined {
  if (index >= runes.length) return undefined;
  if (runes[index] !== 0x5c) return { cp: runes[index], escaped: false, next: index + 1 };
  if (index === runes.length - 1) throw invalid(input, index, 'input ends with a \\ (escape) character');
  return { cp: runes[index + 1], escaped: true, next: index + 2 };
}

function parseSet(runes: number[], start: number, input: string): { matcher: Matcher; next: number } {
  const ranges: [number, number][] = [];
  let prev: number | undefined;
  let index = start;
  for (let r = nextRune(runes, index, input); r; r = nextRune(runes, index, input)) {
    index = r.next;
    if (!r.escaped && r.cp === 0x5d) return { matcher: { kind: 'set', ranges }, next: index };
    if (!r.escaped && r.cp === 0x2d) {
      if (prev === undefined) throw invalid(input, index, "range character '-' must be preceded by a Unicode character");
      if (index >= runes.length - 1) throw invalid(input, index, "range character '-' must be followed by a Unicode character");
      const hi = nextRune(runes, index, input)!;
      index = hi.next;
      if (!hi.escaped && (hi.cp === 0x5d || hi.cp === 0x2d)) {
        throw invalid(input, index, "range character '-' cannot be followed by a special symbol");
      }
      if (hi.cp < prev) {
        const [h, l] = [String.fromCodePoint(hi.cp), String.fromCodePoint(prev)];
        throw invalid(input, index, `range is out of order: '${h}' comes before '${l}' in Unicode`);
      }
      ranges.push([prev, hi.cp]);
      prev = undefined;
      continue;
    }
    ranges.push([r.cp, r.cp]);
    prev = r.cp;
  }
  throw invalid(input, index, 'found [ without matching ]');
}

function tokenize(input: string): Token[] {
  const runes = Array.from(input, (ch) => ch.codePointAt(0)!);
  const tokens: Token[] = [];
  let index = 0;
  for (let r = nextRune(runes, index, input); r; r = nextRune(runes, index, input)) {
    index = r.next;
    let matcher: Matcher;
    if (r.escaped) matcher = { kind: 'char', cp: r.cp };
    else if (r.cp === 0x2e) matcher = { kind: 'any' };
    else if (r.cp === 0x5b) ({ matcher, next: index } = parseSet(runes, index, input));
    else if (r.cp === 0x5d) throw invalid(input, index, "set-close ']' with no preceding '['");
    else if (r.cp === 0x2b || r.cp === 0x2a) {
      throw invalid(input, index, `flag '${String.fromCodePoint(r.cp)}' must be preceded by a non-flag`);
    } else matcher = { kind: 'char', cp: r.cp };
    let flag: Flag = 'once';
    if (index < runes.length && (runes[index] === 0x2b || runes[index] === 0x2a)) {
      flag = runes[index] === 0x2b ? 'plus' : 'star';
      index++;
    }
    tokens.push({ matcher, flag });
  }
  return tokens;
}

function inSet(cp: number, ranges: readonly [number, number][]): boolean {
  return ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Whether some single character satisfies both matchers. */
function overlap(a: Matcher, b: Matcher): boolean {
  if (a.kind === 'any') return b.kind !== 'set' || b.ranges.length > 0;
  if (b.kind === 'any') return overlap(b, a);
  if (a.kind === 'char') return b.kind === 'char' ? a.cp === b.cp : inSet(a.cp, b.ranges);
  if (b.kind === 'char') return inSet(b.cp, a.ranges);
  return a.ranges.some(([lo, hi]) => b.ranges.some(([lo2, hi2]) => lo <= hi2 && lo2 <= hi));
}

/** `x+` is `x` followed by `x*`, so every token is either exactly once or any number of times. */
function normalize(tokens: Token[]): { matcher: Matcher; repeat: boolean }[] {
  return tokens.flatMap((t) => {
    if (t.flag === 'once') return [{ matcher: t.matcher, repeat: false }];
    if (t.flag === 'star') return [{ matcher: t.matcher, repeat: true }];
    return [
      { matcher: t.matcher, repeat: false },
      { matcher: t.matcher, repeat: true },
    ];
  });
}

export function globsIntersect(left: string, right: string): boolean {
  const a = normalize(tokenize(left));
  const b = normalize(tokenize(right));
  const seen = new Set<number>();
  const key = (i: number, j: number): number => i * (b.length + 1) + j;
  const queue: [number, number][] = [];
  const visit = (i: number, j: number): void => {
    if (!seen.has(key(i, j))) {
      seen.add(key(i, j));
      queue.push([i, j]);
    }
  };
  visit(0, 0);
  while (queue.length > 0) {
    const [i, j] = queue.shift()!;
    if (i === a.length && j === b.length) return true;
    // Skipping a repeated token consumes nothing.
    if (i < a.length && a[i].repeat) visit(i + 1, j);
    if (j < b.length && b[j].repeat) visit(i, j + 1);
    // Consuming one common character.
    if (i < a.length && j < b.length && overlap(a[i].matcher, b[j].matcher)) {
      visit(a[i].repeat ? i : i + 1, b[j].repeat ? j : j + 1);
    }
  }
  return false;
}
