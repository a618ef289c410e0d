/**
 * glob.match and glob.quote_meta with the semantics of gobwas/glob (which OPA uses): `*` matches
 * any run of characters that are not delimiters, `**` any run at all, `?` one non-delimiter
 * character, `[abc]`/`[a-z]` (negated with `!`) one character, `{a,b}` alternatives, `\` escapes.
 *
 * Patterns are parsed the way gobwas' lexer reads them, then compiled to an anchored RE2 pattern,
 * so matching is linear-time. Compiled globs are cached.
 */
import { RE2JS } from 're2js';
import type { Value } from '../value.js';
import { isArray } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError, operandError } from './builtin.js';
import { PatternCache } from './regex-cache.js';
import { elementError, stringOperand } from './strings-operands.js';

type GlobNode =
  | { kind: 'text'; text: string }
  | { kind: 'any' }
  | { kind: 'super' }
  | { kind: 'single' }
  | { kind: 'list'; chars: string; not: boolean }
  | { kind: 'range'; lo: number; hi: number; not: boolean }
  | { kind: 'anyOf'; alternatives: GlobNode[][] };

const TEXT_BREAKERS = new Set(['?', '*', '[', '{']);
const TERMS_BREAKERS = new Set([...TEXT_BREAKERS, '}', ',']);

/** gobwas' recursive-descent reading of a pattern, with its error messages. */
class GlobParser {
  private readonly chars: string[];
  private pos = 0;
  private depth = 0;

  constructor(pattern: string) {
    this.chars = Array.from(pattern);
  }

  parse(): GlobNode[] {
    const root: GlobNode[][] = [[]];
    // Each open `{` pushes a frame: its alternatives so far.
    const stack: GlobNode[][][] = [root];
    const current = (): GlobNode[] => {
      const frame = stack[stack.length - 1];
      return frame[frame.length - 1];
    };
    while (this.pos < this.chars.length) {
      const c = this.chars[this.pos++];
      if (c === '{') {
        this.depth++;
        const alternatives: GlobNode[][] = [[]];
        current().push({ kind: 'anyOf', alternatives });
        stack.push(alternatives);
      } else if (c === ',' && this.depth > 0) {
        stack[stack.length - 1].push([]);
      } else if (c === '}' && this.depth > 0) {
        this.depth--;
        stack.pop();
      } else if (c === '[') {
        current().push(this.range());
      } else if (c === '?') {
        current().push({ kind: 'single' });
      } else if (c === '*') {
        if (this.chars[this.pos] === '*') {
          this.pos++;
          current().push({ kind: 'super' });
        } else current().push({ kind: 'any' });
      } else {
        this.pos--;
        const text = this.text(this.depth > 0 ? TERMS_BREAKERS : TEXT_BREAKERS);
        if (text) current().push({ kind: 'text', text });
      }
    }
    // gobwas accepts unclosed `{`: the alternatives read so far stand.
    return root[0];
  }

  private text(breakers: ReadonlySet<string>): string {
    let out = '';
    let escaped = false;
    while (this.pos < this.chars.length) {
      const c = this.chars[this.pos++];
      if (!escaped) {
        if (c === '\\') {
          escaped = true;
          continue;
        }
        if (breakers.has(c)) {
          this.pos--;
          break;
        }
      }
      escaped = false;
      out += c;
    }
    return out;
  }

  private range(): GlobNode {
    let not = false;
    let lo: string | undefined;
    let hi: string | undefined;
    let chars = '';
    for (;;) {
      if (this.pos >= this.chars.length) throw new BuiltinError('unexpected end of input');
      let c = this.chars[this.pos++];
      if (!not && lo === undefined && chars === '' && c === '!') {
        not = true;
        continue;
      }
      if (this.chars[this.pos] === '-') {
        this.pos++;
        lo = c;
        if (this.pos >= this.chars.length) throw new BuiltinError('unexpected end of input');
        hi = this.chars[this.pos++];
      } else {
        this.pos--;
        chars = this.text(new Set([']']));
      }
      if (this.pos >= this.chars.length) throw new BuiltinError('unexpected end of input');
      c = this.chars[this.pos++];
      if (c !== ']') throw new BuiltinError('expected close range character');
      break;
    }
    if (lo !== undefined && hi !== undefined) {
      const [l, h] = [lo.codePointAt(0)!, hi.codePointAt(0)!];
      if (h < l) throw new BuiltinError(`hi character '${hi}' should be greater than lo '${lo}'`);
      return { kind: 'range', lo: l, hi: h, not };
    }
    if (chars === '') throw new BuiltinError('could not parse range');
    return { kind: 'list', chars, not };
  }
}

/** An RE2 literal for one code point, safe inside and outside character classes. */
function literal(ch: string): string {
  return /^[A-Za-z0-9]$/.test(ch) ? ch : `\\x{${ch.codePointAt(0)!.toString(16)}}`;
}

function toRegex(nodes: readonly GlobNode[], notDelimiter: string): string {
  return nodes
    .map((node) => {
      switch (node.kind) {
        case 'text':
          return Array.from(node.text, literal).join('');
        case 'any':
          return `${notDelimiter}*`;
        case 'super':
          return '(?s:.)*';
        case 'single':
          return notDelimiter;
        case 'list':
          return `[${node.not ? '^' : ''}${Array.from(node.chars, literal).join('')}]`;
        case 'range':
          return `[${node.not ? '^' : ''}${literal(String.fromCodePoint(node.lo))}-${literal(String.fromCodePoint(node.hi))}]`;
        case 'anyOf':
          return `(?:${node.alternatives.map((alt) => toRegex(alt, notDelimiter)).join('|')})`;
      }
    })
    .join('');
}

export function compileGlob(pattern: string, delimiters: readonly string[]): RE2JS {
  const nodes = new GlobParser(pattern).parse();
  const notDelimiter = delimiters.length ? `[^${delimiters.map(literal).join('')}]` : '(?s:.)';
  return RE2JS.compile(`^(?:${toRegex(nodes, notDelimiter)})$`);
}

const globCache = new PatternCache<RE2JS>();

/** Delimiters: null means none; [] means the default "."; each must be a single character. */
function delimitersOperand(v: Value): string[] {
  if (v === null) return [];
  if (!isArray(v)) throw operandError(1, 'one of {array, null}', v);
  const delimiters = v.map((d) => {
    if (typeof d !== 'string') throw elementError(1, v, d, 'string');
    if (Array.from(d).length !== 1) throw elementError(1, v, d, 'rune');
    return d;
  });
  return delimiters.length ? delimiters : ['.'];
}

function globMatch([pattern, delimiters, value]: readonly Value[]): Value {
  const glob = stringOperand(pattern, 0);
  const delims = delimitersOperand(delimiters);
  const s = stringOperand(value, 2);
  const compiled = globCache.get(`${glob}-${delims.join('')}`, () => compileGlob(glob, delims));
  return compiled.matches(s);
}

/** gobwas' QuoteMeta: a backslash before every special character. */
function quoteMeta([pattern]: readonly Value[]): Value {
  return stringOperand(pattern, 0).replace(/[*?\\[\]{}]/g, '\\$&');
}

export const builtins: BuiltinDef[] = [
  { name: 'glob.match', arity: 3, fn: globMatch },
  { name: 'glob.quote_meta', arity: 1, fn: quoteMeta },
];
