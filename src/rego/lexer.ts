/**
 * The Rego lexer: turns source text into a flat token array in one pass over char codes.
 *
 * Token kinds are named as OPA names them (`eq` for `=`, `assign` for `:=`, `identifier`, `eof`, …) so
 * parse errors read like OPA's ("unexpected eq token"), and an operator's kind is its builtin's name.
 * Whitespace is not a token: each token records whether whitespace or a newline preceded it, which is
 * all the parser needs (refs continue only without whitespace; newlines separate body expressions).
 *
 * Template strings (`$"a {x} b"`) are split here: each literal part is a token, and the lexer counts
 * braces so that the `}` closing an embedded expression resumes the template.
 */
import { RegoError, RegoErrors } from './errors.js';

export type TokenKind =
  | 'identifier'
  | 'number'
  | 'string'
  | 'template-string-part'
  | 'template-string-end'
  | 'eof'
  // keywords
  | 'package'
  | 'import'
  | 'as'
  | 'default'
  | 'else'
  | 'not'
  | 'some'
  | 'with'
  | 'null'
  | 'true'
  | 'false'
  | 'every'
  | 'contains'
  | 'if'
  | 'in'
  // punctuation
  | '['
  | ']'
  | '{'
  | '}'
  | '('
  | ')'
  | ','
  | ':'
  | ';'
  | '.'
  // operators, named by their builtin
  | 'plus'
  | 'minus'
  | 'mul'
  | 'div'
  | 'rem'
  | 'and'
  | 'or'
  | 'eq'
  | 'equal'
  | 'assign'
  | 'neq'
  | 'gt'
  | 'lt'
  | 'gte'
  | 'lte';

export interface Token {
  kind: TokenKind;
  /** The source text; for strings and template parts, the decoded value instead. */
  text: string;
  /** Offsets into the source: [start, end). */
  start: number;
  end: number;
  row: number;
  col: number;
  /** Whitespace or a comment separates this token from the previous one. */
  spaceBefore: boolean;
  /** A newline separates this token from the previous one. */
  newlineBefore: boolean;
}

export interface Comment {
  /** The text after `#`, without a trailing carriage return. */
  text: string;
  row: number;
  col: number;
}

export interface LexResult {
  tokens: Token[];
  comments: Comment[];
}

const KEYWORDS: ReadonlyMap<string, TokenKind> = new Map<string, TokenKind>([
  ['package', 'package'],
  ['import', 'import'],
  ['as', 'as'],
  ['default', 'default'],
  ['else', 'else'],
  ['not', 'not'],
  ['some', 'some'],
  ['with', 'with'],
  ['null', 'null'],
  ['true', 'true'],
  ['false', 'false'],
  ['every', 'every'],
  ['contains', 'contains'],
  ['if', 'if'],
  ['in', 'in'],
]);

/** True for token kinds that are Rego keywords (error messages call them "keyword", not "token"). */
export function isKeyword(kind: TokenKind): boolean {
  return KEYWORDS.has(kind);
}

const CH_TAB = 9;
const CH_LF = 10;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_QUOTE = 34;
const CH_HASH = 35;
const CH_DOLLAR = 36;
const CH_DOT = 46;
const CH_0 = 48;
const CH_9 = 57;
const CH_BACKSLASH = 92;
const CH_BACKTICK = 96;
const CH_LBRACE = 123;
const CH_RBRACE = 125;
const CH_EQ = 61;

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isDigit(c: number): boolean {
  return c >= CH_0 && c <= CH_9;
}

/** Single-character tokens that need no lookahead. */
const SINGLE: Partial<Record<number, TokenKind>> = {
  91: '[',
  93: ']',
  40: '(',
  41: ')',
  44: ',',
  59: ';',
  46: '.',
  43: 'plus',
  45: 'minus',
  42: 'mul',
  47: 'div',
  37: 'rem',
  38: 'and',
  124: 'or',
};

interface TemplateContext {
  raw: boolean;
  /** Open `{` inside the current embedded expression, not counting the one that opened it. */
  depth: number;
}

class Lexer {
  private pos = 0;
  private row = 1;
  /** Offset of the first character of the current line, for 1-based columns. */
  private lineStart = 0;
  private readonly tokens: Token[] = [];
  private readonly comments: Comment[] = [];
  private readonly templates: TemplateContext[] = [];

  constructor(
    private readonly src: string,
    private readonly file: string,
  ) {
    if (src.charCodeAt(0) === 0xfeff) {
      this.pos = 1;
      this.lineStart = 1;
    }
  }

  run(): LexResult {
    for (;;) {
      const { space, newline } = this.skipSpace();
      const start = this.pos;
      const row = this.row;
      const col = start - this.lineStart + 1;
      if (start >= this.src.length) {
        this.push('eof', '', start, row, col, space, newline);
        return { tokens: this.tokens, comments: this.comments };
      }
      const c = this.src.charCodeAt(start);
      if (isLetter(c)) {
        this.pos++;
        while (this.pos < this.src.length && (isLetter(this.src.charCodeAt(this.pos)) || isDigit(this.src.charCodeAt(this.pos))))
          this.pos++;
        const word = this.src.slice(start, this.pos);
        this.push(KEYWORDS.get(word) ?? 'identifier', word, start, row, col, space, newline);
      } else if (isDigit(c)) {
        this.push('number', this.scanNumber(), start, row, col, space, newline);
      } else if (c === CH_QUOTE) {
        this.pos++;
        this.push('string', this.scanString(start), start, row, col, space, newline);
      } else if (c === CH_BACKTICK) {
        this.pos++;
        this.push('string', this.scanRawString(start), start, row, col, space, newline);
      } else if (c === CH_DOLLAR) {
        this.scanTemplateStart(start, row, col, space, newline);
      } else {
        this.scanOperator(c, start, row, col, space, newline);
      }
    }
  }

  private push(kind: TokenKind, text: string, start: number, row: number, col: number, space: boolean, newline: boolean): void {
    this.tokens.push({ kind, text, start, end: this.pos, row, col, spaceBefore: space, newlineBefore: newline });
  }

  private fail(message: string, offset = this.pos): never {
    // Columns are computed from the offset so errors inside multi-line tokens still point right.
    let row = 1;
    let lineStart = 0;
    for (let i = 0; i < offset && i < this.src.length; i++) {
      if (this.src.charCodeAt(i) === CH_LF) {
        row++;
        lineStart = i + 1;
      }
    }
    throw new RegoErrors([new RegoError('rego_parse_error', message, { file: this.file, row, col: offset - lineStart + 1 })]);
  }

  /** Skips whitespace and comments; reports what was skipped. */
  private skipSpace(): { space: boolean; newline: boolean } {
    let space = false;
    let newline = false;
    const src = this.src;
    while (this.pos < src.length) {
      const c = src.charCodeAt(this.pos);
      if (c === CH_SPACE || c === CH_TAB || c === CH_CR) {
        this.pos++;
      } else if (c === CH_LF) {
        this.pos++;
        this.row++;
        this.lineStart = this.pos;
        newline = true;
      } else if (c === CH_HASH) {
        const start = this.pos;
        while (this.pos < src.length && src.charCodeAt(this.pos) !== CH_LF) this.pos++;
        let end = this.pos;
        if (end > start + 1 && src.charCodeAt(end - 1) === CH_CR) end--;
        this.comments.push({ text: src.slice(start + 1, end), row: this.row, col: start - this.lineStart + 1 });
      } else if (c === 0) {
        this.fail('illegal null character');
      } else {
        break;
      }
      space = true;
    }
    return { space, newline };
  }

  private scanNumber(): string {
    const src = this.src;
    const start = this.pos;
    while (this.pos < src.length && isDigit(src.charCodeAt(this.pos))) this.pos++;
    if (src.charCodeAt(this.pos) === CH_DOT) {
      this.pos++;
      const fracStart = this.pos;
      while (this.pos < src.length && isDigit(src.charCodeAt(this.pos))) this.pos++;
      if (this.pos === fracStart) this.fail('expected fraction');
    }
    const e = src.charCodeAt(this.pos);
    if (e === 101 || e === 69) {
      this.pos++;
      const sign = src.charCodeAt(this.pos);
      if (sign === 43 || sign === 45) this.pos++;
      const expStart = this.pos;
      while (this.pos < src.length && isDigit(src.charCodeAt(this.pos))) this.pos++;
      if (this.pos === expStart) this.fail('expected exponent');
    }
    if (this.pos < src.length && isLetter(src.charCodeAt(this.pos))) this.fail('illegal number format');
    return src.slice(start, this.pos);
  }

  /** Scans a `"…"` string after its opening quote; returns the decoded value. */
  private scanString(start: number): string {
    const src = this.src;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= src.length || src.charCodeAt(this.pos) === CH_LF) this.fail('non-terminated string', start);
      const c = src.charCodeAt(this.pos);
      if (c === CH_QUOTE) {
        out += src.slice(chunkStart, this.pos);
        this.pos++;
        return out;
      }
      if (c === CH_BACKSLASH) {
        out += src.slice(chunkStart, this.pos);
        out += this.scanEscape(false);
        chunkStart = this.pos;
      } else {
        if (c < 0x20 && c !== CH_TAB) this.fail('illegal control character in string');
        this.pos++;
      }
    }
  }

  /** Decodes one JSON escape at `\`; in template strings `\{` is a literal brace. */
  private scanEscape(template: boolean): string {
    const src = this.src;
    const at = this.pos;
    const c = src.charCodeAt(at + 1);
    this.pos += 2;
    switch (c) {
      case CH_QUOTE:
        return '"';
      case CH_BACKSLASH:
        return '\\';
      case 47:
        return '/';
      case 98:
        return '\b';
      case 102:
        return '\f';
      case 110:
        return '\n';
      case 114:
        return '\r';
      case 116:
        return '\t';
      case 117: {
        const hex = src.slice(at + 2, at + 6);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('illegal escape sequence', at);
        this.pos = at + 6;
        return String.fromCharCode(parseInt(hex, 16));
      }
      case CH_LBRACE:
        if (template) return '{';
        break;
    }
    return this.fail('illegal escape sequence', at);
  }

  private scanRawString(start: number): string {
    const end = this.src.indexOf('`', this.pos);
    if (end < 0) this.fail('non-terminated string', start);
    const value = this.src.slice(this.pos, end);
    this.advanceOver(end + 1);
    return value;
  }

  /** Moves to `to`, keeping row and line start right across newlines inside the skipped text. */
  private advanceOver(to: number): void {
    for (let i = this.pos; i < to; i++) {
      if (this.src.charCodeAt(i) === CH_LF) {
        this.row++;
        this.lineStart = i + 1;
      }
    }
    this.pos = to;
  }

  private scanTemplateStart(start: number, row: number, col: number, space: boolean, newline: boolean): void {
    const next = this.src.charCodeAt(start + 1);
    if (next !== CH_QUOTE && next !== CH_BACKTICK) this.fail('illegal $ character', start);
    this.pos = start + 2;
    this.scanTemplatePart(next === CH_BACKTICK, start, row, col, space, newline);
  }

  /** Scans template text up to `{` (a part; an expression follows) or the closing quote (the end). */
  private scanTemplatePart(raw: boolean, start: number, row: number, col: number, space: boolean, newline: boolean): void {
    const src = this.src;
    const close = raw ? CH_BACKTICK : CH_QUOTE;
    let out = '';
    let chunkStart = this.pos;
    for (;;) {
      if (this.pos >= src.length || (!raw && src.charCodeAt(this.pos) === CH_LF)) this.fail('non-terminated string', start);
      const c = src.charCodeAt(this.pos);
      if (c === close || c === CH_LBRACE) {
        out += src.slice(chunkStart, this.pos);
        this.advanceOver(this.pos + 1);
        const kind = c === close ? 'template-string-end' : 'template-string-part';
        this.push(kind, out, start, row, col, space, newline);
        if (kind === 'template-string-part') this.templates.push({ raw, depth: 0 });
        return;
      }
      if (c === CH_BACKSLASH) {
        out += src.slice(chunkStart, this.pos);
        if (raw) {
          // Raw templates only escape `{`; any other backslash is literal text.
          if (src.charCodeAt(this.pos + 1) === CH_LBRACE) {
            out += '{';
            this.pos += 2;
          } else {
            out += '\\';
            this.pos++;
          }
        } else {
          out += this.scanEscape(true);
        }
        chunkStart = this.pos;
      } else if (c === CH_LF) {
        this.advanceOver(this.pos + 1);
      } else {
        this.pos++;
      }
    }
  }

  private scanOperator(c: number, start: number, row: number, col: number, space: boolean, newline: boolean): void {
    const src = this.src;
    const next = src.charCodeAt(start + 1);
    let kind: TokenKind | undefined = SINGLE[c];
    let width = 1;
    if (kind === undefined) {
      switch (c) {
        case CH_LBRACE:
          kind = '{';
          if (this.templates.length > 0) this.templates[this.templates.length - 1].depth++;
          break;
        case CH_RBRACE: {
          const template = this.templates[this.templates.length - 1];
          if (template !== undefined && template.depth === 0) {
            // This brace ends an embedded expression: emit it, then resume the template text.
            this.templates.pop();
            this.pos = start + 1;
            this.push('}', '}', start, row, col, space, newline);
            this.scanTemplatePart(template.raw, this.pos, this.row, this.pos - this.lineStart + 1, false, false);
            return;
          }
          if (template !== undefined) template.depth--;
          kind = '}';
          break;
        }
        case 58:
          [kind, width] = next === CH_EQ ? ['assign', 2] : [':', 1];
          break;
        case CH_EQ:
          [kind, width] = next === CH_EQ ? ['equal', 2] : ['eq', 1];
          break;
        case 62:
          [kind, width] = next === CH_EQ ? ['gte', 2] : ['gt', 1];
          break;
        case 60:
          [kind, width] = next === CH_EQ ? ['lte', 2] : ['lt', 1];
          break;
        case 33:
          if (next !== CH_EQ) this.fail('illegal ! character', start);
          [kind, width] = ['neq', 2];
          break;
        default:
          this.fail(`illegal character ${JSON.stringify(String.fromCodePoint(src.codePointAt(start) ?? c))}`, start);
      }
    }
    this.pos = start + width;
    this.push(kind, src.slice(start, this.pos), start, row, col, space, newline);
  }
}

/** Tokenizes Rego source. Throws RegoErrors (rego_parse_error) on malformed input. */
export function lex(src: string, file: string): LexResult {
  return new Lexer(src, file).run();
}
