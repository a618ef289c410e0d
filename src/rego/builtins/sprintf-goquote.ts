/** Go's strconv quoting (Quote, QuoteToASCII, QuoteRune), used by %q and by Go-worded error messages. */

/** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isGoPrintable(ch: string): boolean {
  return PRINTABLE.test(ch);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\u0007': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(ch: string, quote: string, asciiOnly: boolean): string {
  if (ch === quote || ch === '\\') return '\\' + ch;
  const cp = ch.codePointAt(0)!;
  if (asciiOnly ? cp < 0x80 && isGoPrintable(ch) : isGoPrintable(ch)) return ch;
  const simple = SIMPLE_ESCAPES[ch];
  if (simple !== undefined) return simple;
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  // Lone surrogates are not valid runes: Go would see U+FFFD.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

/** strconv.Quote (or QuoteToASCII when `asciiOnly`). */
export function goQuote(s: string, asciiOnly = false): string {
  let out = '"';
  for (const ch of s) out += escapeRune(ch, '"', asciiOnly);
  return out + '"';
}

/** strconv.QuoteRune (or QuoteRuneToASCII). */
export function goQuoteRune(cp: number, asciiOnly = false): string {
  const valid = cp >= 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return "'" + escapeRune(String.fromCodePoint(valid ? cp : 0xfffd), "'", asciiOnly) + "'";
}

/** strconv.CanBackquote: no control characters other than tab, no backquote, no U+FEFF. */
export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === '`' || cp === 0xfeff || (cp < 0x20 && ch !== '\t') || cp === 0x7f) return false;
  }
  return true;
}
