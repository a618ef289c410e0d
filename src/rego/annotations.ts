/**
 * `# METADATA` comment blocks: OPA's annotations. A block starts at a comment whose text begins with
 * `METADATA`; the comments on the following lines, each starting in column 1, hold YAML. The parser
 * attaches each block to the first statement after it (see `attachAnnotations`).
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Annotation } from './ast.js';
import { RegoError, type Location } from './errors.js';
import type { Comment } from './lexer.js';

/** A block as read from the comments; its scope is settled once we know what it annotates. */
export interface MetadataBlock {
  /** The scope written in the YAML, if any. */
  scope?: string;
  /** `entrypoint: true` makes a rule's default scope `document`, as in OPA. */
  entrypoint: boolean;
  fields: Record<string, unknown>;
  loc: Location;
}

/** The YAML keys OPA reads; others are ignored, as OPA's struct decoding ignores them. */
const KNOWN_FIELDS = new Set([
  'title',
  'description',
  'organizations',
  'related_resources',
  'authors',
  'schemas',
  'entrypoint',
  'custom',
  'compile',
]);

const VALID_SCOPES = ['rule', 'document', 'package', 'subpackages'] as const;

/** Groups comments into METADATA blocks and parses their YAML. Errors are returned, not thrown. */
export function readMetadataBlocks(comments: readonly Comment[], file: string): { blocks: MetadataBlock[]; errors: RegoError[] } {
  const blocks: MetadataBlock[] = [];
  const errors: RegoError[] = [];
  for (let i = 0; i < comments.length; i++) {
    if (!comments[i].text.trim().startsWith('METADATA')) continue;
    const header = comments[i];
    const lines: Comment[] = [];
    while (i + 1 < comments.length && comments[i + 1].row === comments[i].row + 1 && comments[i + 1].col === 1) {
      lines.push(comments[++i]);
    }
    const result = parseBlock(header, lines, file);
    if (result instanceof RegoError) errors.push(result);
    else blocks.push(result);
  }
  return { blocks, errors };
}

function parseBlock(header: Comment, lines: Comment[], file: string): MetadataBlock | RegoError {
  const loc: Location = { file, row: header.row, col: header.col };
  const text = lines.map((c) => (c.text.startsWith(' ') ? c.text.slice(1) : c.text)).join('\n');
  if (text.trim() === '') return new RegoError('rego_parse_error', 'expected METADATA block, found whitespace', loc);
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    if (err instanceof YAMLParseError) {
      const line = err.linePos?.[0].line;
      const at = line !== undefined && lines[line - 1] ? { file, row: lines[line - 1].row, col: 1 } : loc;
      return new RegoError('rego_parse_error', `yaml: ${firstLine(err.message)}`, at);
    }
    throw err;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    return new RegoError('rego_parse_error', 'yaml: METADATA block must be a mapping of fields (e.g. "title: ...")', loc);
  }
  const raw = doc as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!KNOWN_FIELDS.has(key)) continue;
    const normalised = normaliseField(key, value);
    if (typeof normalised === 'string') return new RegoError('rego_parse_error', normalised, loc);
    fields[key] = normalised.value;
  }
  const scope = raw.scope;
  if (scope !== undefined && scope !== null && typeof scope !== 'string') {
    return new RegoError('rego_parse_error', 'yaml: scope must be a string', loc);
  }
  return { scope: scope ?? undefined, entrypoint: raw.entrypoint === true, fields, loc };
}

/** The yaml package's first message line, without its own (block-relative) position. */
function firstLine(message: string): string {
  const newline = message.indexOf('\n');
  const line = newline < 0 ? message : message.slice(0, newline);
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** Brings authors and related resources into OPA's object form; returns an error message on bad input. */
function normaliseField(key: string, value: unknown): { value: unknown } | string {
  if (key === 'authors' && Array.isArray(value)) {
    const out: unknown[] = [];
    for (const author of value) {
      const parsed = normaliseAuthor(author);
      if (parsed === undefined) return `invalid author definition ${JSON.stringify(author)}`;
      out.push(parsed);
    }
    return { value: out };
  }
  if (key === 'related_resources' && Array.isArray(value)) {
    const out: unknown[] = [];
    for (const resource of value) {
      const parsed = normaliseResource(resource);
      if (parsed === undefined) return `invalid related-resource definition ${JSON.stringify(resource)}`;
      out.push(parsed);
    }
    return { value: out };
  }
  return { value };
}

function normaliseAuthor(author: unknown): Record<string, string> | undefined {
  if (typeof author === 'string') {
    const words = author.trim().split(/\s+/).filter((w) => w !== '');
    if (words.length === 0) return undefined;
    const last = words[words.length - 1];
    const out: Record<string, string> = {};
    if (last.length >= 2 && last.startsWith('<') && last.endsWith('>')) {
      out.email = last.slice(1, -1);
      words.pop();
    }
    if (words.length > 0) out.name = words.join(' ');
    return out;
  }
  if (isRecord(author)) {
    const name = typeof author.name === 'string' ? author.name.trim() : '';
    const email = typeof author.email === 'string' ? author.email.trim() : '';
    if (name === '' && email === '') return undefined;
    const out: Record<string, string> = {};
    if (name !== '') out.name = name;
    if (email !== '') out.email = email;
    return out;
  }
  return undefined;
}

function normaliseResource(resource: unknown): Record<string, string> | undefined {
  if (typeof resource === 'string') return resource === '' ? undefined : { ref: resource };
  if (isRecord(resource)) {
    const ref = typeof resource.ref === 'string' ? resource.ref.trim() : '';
    if (ref === '') return undefined;
    const description = typeof resource.description === 'string' ? resource.description.trim() : '';
    return description === '' ? { ref } : { ref, description };
  }
  return undefined;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** What an annotation block can attach to. */
export interface AnnotatedStatement {
  kind: 'package' | 'import' | 'rule';
  row: number;
}

/**
 * Settles each block's scope from the statement that follows it and checks the scope fits, as OPA does:
 * `rule`/`document` need a rule, `package`/`subpackages` need the package.
 */
export function resolveAnnotation(
  block: MetadataBlock,
  target: AnnotatedStatement | undefined,
): Annotation | RegoError {
  let scope = block.scope;
  if (scope === undefined && target !== undefined) {
    if (target.kind === 'rule') scope = block.entrypoint ? 'document' : 'rule';
    else if (target.kind === 'package') scope = 'package';
    else scope = 'import';
  }
  const have = target === undefined ? '' : ` (have ${target.kind})`;
  switch (scope) {
    case 'rule':
    case 'document':
      if (target?.kind !== 'rule') return scopeError(block, scope, 'rule', have);
      break;
    case 'package':
    case 'subpackages':
      if (target?.kind !== 'package') return scopeError(block, scope, 'package', have);
      break;
    default:
      return new RegoError(
        'rego_parse_error',
        `invalid annotation scope '${scope ?? ''}'. Use one of ${VALID_SCOPES.map((s) => `'${s}'`).join(', ')}`,
        block.loc,
      );
  }
  return { scope, fields: block.fields, loc: block.loc };
}

function scopeError(block: MetadataBlock, scope: string, want: string, have: string): RegoError {
  return new RegoError('rego_parse_error', `annotation scope '${scope}' must be applied to ${want}${have}`, block.loc);
}
