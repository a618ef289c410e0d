/**
 * Regex builtins (`v1/topdown/regex.go`), on RE2 via re2js: Go's regexp syntax, linear-time
 * matching, and Go's rules for repeated and empty matches (FindAll, Split, ReplaceAll).
 */
import type { RE2JS } from 're2js';
import type { Value } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { BuiltinError } from './builtin.js';
import { PatternCache, compileRegex, findAllIndex, findAllSubmatchIndex, quoteMeta } from './regex-cache.js';
import { globsIntersect } from './regex-globs.js';
import { goQuote } from './sprintf-goquote.js';
import { intOperand, stringOperand, utf8Length } from './strings-operands.js';

function isValid([pattern]: readonly Value[]): Value {
  if (typeof pattern !== 'string') return false;
  try {
    compileRegex(pattern);
    return true;
  } catch {
    return false;
  }
}

function match([pattern, value]: readonly Value[]): Value {
  const re = compileRegex(stringOperand(pattern, 0));
  return re.test(stringOperand(value, 1));
}

/** Go's Regexp.Split(s, -1). */
function split([pattern, value]: readonly Value[]): Value {
  const re = compileRegex(stringOperand(pattern, 0));
  const s = stringOperand(value, 1);
  if (s === '' && re.pattern() !== '') return [''];
  const parts: string[] = [];
  let begin = 0;
  let end = 0;
  for (const [start, stop] of findAllIndex(re, s, -1)) {
    end = start;
    if (stop !== 0) parts.push(s.slice(begin, end));
    begin = stop;
  }
  if (end !== s.length) parts.push(s.slice(begin));
  return parts;
}

function findN([pattern, value, count]: readonly Value[]): Value {
  const re = compileRegex(stringOperand(pattern, 0));
  const s = stringOperand(value, 1);
  const n = intOperand(count, 2);
  return findAllIndex(re, s, n).map(([start, stop]) => s.slice(start, stop));
}

function findAllSubmatch([pattern, value, count]: readonly Value[]): Value {
  const re = compileRegex(stringOperand(pattern, 0));
  const s = stringOperand(value, 1);
  const n = intOperand(count, 2);
  return findAllSubmatchIndex(re, s, n).map((m) => {
    const groups: string[] = [];
    for (let g = 0; g < m.length; g += 2) groups.push(m[g] < 0 ? '' : s.slice(m[g], m[g + 1]));
    return groups;
  });
}

/** The name or number after a `$` in a replacement template (Go's regexp extract). */
function extractName(template: string): { name: string; rest: string } | undefined {
  const brace = template.startsWith('{');
  const body = brace ? template.slice(1) : template;
  const m = /^[\p{L}\p{Nd}_]+/u.exec(body);
  if (!m) return undefined;
  const name = m[0];
  if (brace) {
    if (body[name.length] !== '}') return undefined;
    return { name, rest: body.slice(name.length + 1) };
  }
  return { name, rest: body.slice(name.length) };
}

/** Go's Regexp.Expand: `$1`, `${1}`, `$name`, `${name}`, `$$`. */
function expand(re: RE2JS, template: string, s: string, m: readonly number[]): string {
  let out = '';
  let rest = template;
  for (let dollar = rest.indexOf('$'); dollar >= 0; dollar = rest.indexOf('$')) {
    out += rest.slice(0, dollar);
    rest = rest.slice(dollar + 1);
    if (rest.startsWith('$')) {
      out += '$';
      rest = rest.slice(1);
      continue;
    }
    const extracted = extractName(rest);
    if (!extracted) {
      out += '$';
      continue;
    }
    rest = extracted.rest;
    const group = groupIndex(re, extracted.name);
    if (group !== undefined && 2 * group + 1 < m.length && m[2 * group] >= 0) out += s.slice(m[2 * group], m[2 * group + 1]);
  }
  return out + rest;
}

function groupIndex(re: RE2JS, name: string): number | undefined {
  if (/^\d+$/.test(name)) {
    // Leading zeros and huge numbers make it a name, as in Go.
    if ((name.length > 1 && name[0] === '0') || name.length > 8) return re.namedGroups()[name];
    return Number(name);
  }
  return re.namedGroups()[name];
}

/** Go's Regexp.ReplaceAllString. */
function replace([base, pattern, value]: readonly Value[]): Value {
  const s = stringOperand(base, 0);
  const re = compileRegex(stringOperand(pattern, 1));
  const template = stringOperand(value, 2);
  let out = '';
  let last = 0;
  for (const m of findAllSubmatchIndex(re, s, -1)) {
    out += s.slice(last, m[0]) + expand(re, template, s, m);
    last = m[1];
  }
  return out + s.slice(last);
}

// ---- regex.template_match ----

const templateCache = new PatternCache<RE2JS>();

/** Start/end positions of the top-level delimited sections, as OPA's (gorilla/mux) delimiterIndices. */
function delimiterIndices(s: string, open: string, close: string): number[] {
  const indices: number[] = [];
  let level = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === open) {
      if (++level === 1) start = i;
    } else if (s[i] === close) {
      if (--level === 0) indices.push(start, i + 1);
      else if (level < 0) throw new BuiltinError(`unbalanced braces in ${goQuote(s)}`);
    }
  }
  if (level !== 0) throw new BuiltinError(`unbalanced braces in ${goQuote(s)}`);
  return indices;
}

function compileTemplate(template: string, open: string, close: string): RE2JS {
  const indices = delimiterIndices(template, open, close);
  let pattern = '^';
  let end = 0;
  for (let i = 0; i < indices.length; i += 2) {
    const raw = template.slice(end, indices[i]);
    end = indices[i + 1];
    const inner = template.slice(indices[i] + 1, end - 1);
    pattern += `${quoteMeta(raw)}(${inner})`;
    compileRegex(`^${inner}$`);
  }
  return compileRegex(pattern + quoteMeta(template.slice(end)) + '$');
}

function templateMatch([pattern, value, start, end]: readonly Value[]): Value {
  const template = stringOperand(pattern, 0);
  const s = stringOperand(value, 1);
  const open = stringOperand(start, 2);
  const close = stringOperand(end, 3);
  if (utf8Length(open) !== 1) {
    throw new BuiltinError(`start delimiter has to be exactly one character long but is ${utf8Length(open)} long`);
  }
  // OPA reports the start delimiter's length here too.
  if (utf8Length(close) !== 1) {
    throw new BuiltinError(`end delimiter has to be exactly one character long but is ${utf8Length(open)} long`);
  }
  const re = templateCache.get(`${open}${close}${template}`, () => compileTemplate(template, open, close));
  return re.test(s);
}

function globsMatch([left, right]: readonly Value[]): Value {
  return globsIntersect(stringOperand(left, 0), stringOperand(right, 1));
}

export const builtins: BuiltinDef[] = [
  { name: 'regex.is_valid', arity: 1, fn: isValid },
  { name: 'regex.match', arity: 2, fn: match },
  { name: 're_match', arity: 2, fn: match },
  { name: 'regex.split', arity: 2, fn: split },
  { name: 'regex.find_n', arity: 3, fn: findN },
  { name: 'regex.find_all_string_submatch_n', arity: 3, fn: findAllSubmatch },
  { name: 'regex.replace', arity: 3, fn: replace },
  { name: 'regex.template_match', arity: 4, fn: templateMatch },
  { name: 'regex.globs_match', arity: 2, fn: globsMatch },
];
