/**
 * RFC 6902 JSON Patch over Rego values, with OPA's extensions: paths may also be arrays of segments,
 * and sets can be patched (a set element is addressed by the element itself).
 * Any failure makes json.patch undefined, so errors here are plain PatchErrors.
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, equal, isArray, isObject, isSet } from '../value.js';
import type { Path } from './json-paths.js';
import { parsePath } from './json-paths.js';

export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

const OPS = new Set(['add', 'remove', 'replace', 'move', 'copy', 'test']);

/** Applies every operation in order; throws PatchError when one cannot be applied. */
export function applyPatch(doc: Value, operations: readonly Value[]): Value {
  let current = doc;
  for (const op of operations) current = applyOperation(current, op);
  return current;
}

function attribute(op: ObjectValue, name: string): Value {
  const v = op.get(name);
  if (v === undefined) throw new PatchError(`missing '${name}' attribute`);
  return v;
}

function pathAttribute(op: ObjectValue, name: string): Path {
  try {
    return parsePath(attribute(op, name));
  } catch (e) {
    if (e instanceof PatchError) throw e;
    throw new PatchError(e instanceof Error ? e.message : String(e));
  }
}

function applyOperation(doc: Value, op: Value): Value {
  if (!isObject(op)) throw new PatchError('must be an array of JSON-Patch objects, but at least one element is not an object');
  const name = attribute(op, 'op');
  if (typeof name !== 'string') throw new PatchError("attribute 'op' must be a string");
  if (!OPS.has(name)) throw new PatchError(`unrecognized op '${name}'`);
  const path = pathAttribute(op, 'path');
  switch (name) {
    case 'add':
      return insertAt(doc, path, attribute(op, 'value'));
    case 'remove':
      return deleteAt(doc, path);
    case 'replace': {
      const value = attribute(op, 'value');
      // Replacing the root is allowed: OPA deletes the root node and inserts a new one.
      return path.length === 0 ? value : insertAt(deleteAt(doc, path), path, value);
    }
    case 'move': {
      const from = pathAttribute(op, 'from');
      const moved = getAt(doc, from);
      if (from.length === 0 && path.length === 0) return moved;
      return insertAt(deleteAt(doc, from), path, moved);
    }
    case 'copy': {
      const from = pathAttribute(op, 'from');
      return insertAt(doc, path, getAt(doc, from));
    }
    default: {
      const expected = attribute(op, 'value');
      if (!equal(getAt(doc, path), expected)) throw new PatchError('test operation failed');
      return doc;
    }
  }
}

/** OPA's toIndex: an integer, or a decimal string without leading zeros, or "-" (one past the end). */
function arrayIndex(length: number, segment: Value): number {
  if (typeof segment === 'number') {
    if (!Number.isInteger(segment)) throw new PatchError('invalid number type for indexing');
    return segment;
  }
  if (typeof segment === 'string') {
    if (segment === '-') return length;
    if (!/^[+-]?\d+$/.test(segment)) throw new PatchError('invalid string for indexing');
    if (segment !== '0' && segment.startsWith('0')) throw new PatchError('leading zeros are not allowed in JSON paths');
    return Number(segment);
  }
  throw new PatchError('invalid type for indexing');
}

function child(container: Value, segment: Value): Value {
  if (isObject(container)) {
    const v = container.get(segment);
    if (v === undefined) throw new PatchError('path does not exist in object');
    return v;
  }
  if (isSet(container)) {
    if (!container.has(segment)) throw new PatchError('path does not exist in set');
    return segment;
  }
  if (isArray(container)) {
    const i = arrayIndex(container.length, segment);
    if (i < 0 || i >= container.length) throw new PatchError('path does not exist in array');
    return container[i];
  }
  throw new PatchError('expected composite type');
}

function getAt(doc: Value, path: Path): Value {
  let current = doc;
  for (const segment of path) current = child(current, segment);
  return current;
}

/** Rebuilds the document along `path`, letting `edit` change the parent of the last segment. */
function updateParent(doc: Value, path: Path, edit: (parent: Value, last: Value) => Value): Value {
  if (path.length === 1) return edit(doc, path[0]);
  const [head, ...rest] = path;
  const updated = updateParent(child(doc, head), rest, edit);
  return replaceChild(doc, head, updated);
}

function replaceChild(container: Value, segment: Value, value: Value): Value {
  if (isObject(container)) return withEntry(container, segment, value);
  if (isArray(container)) {
    const i = arrayIndex(container.length, segment);
    return container.map((x, j) => (j === i ? value : x));
  }
  // A set element's key is the element itself: replacing it means swapping the element.
  const set = container as SetValue;
  return SetValue.of([...set.values().filter((x) => !equal(x, segment)), value]);
}

function withEntry(obj: ObjectValue, key: Value, value: Value): ObjectValue {
  const out = ObjectValue.fromEntries(obj.entries());
  out.put(key, value);
  return out;
}

function insertAt(doc: Value, path: Path, value: Value): Value {
  if (path.length === 0) return value;
  return updateParent(doc, path, (parent, last) => {
    if (isObject(parent)) return withEntry(parent, last, value);
    if (isSet(parent)) {
      if (!equal(last, value)) throw new PatchError('set key does not equal value to be inserted');
      return SetValue.of([...parent.values(), value]);
    }
    if (isArray(parent)) {
      const i = arrayIndex(parent.length, last);
      if (i < 0 || i > parent.length) throw new PatchError('index for array insertion out of bounds');
      return [...parent.slice(0, i), value, ...parent.slice(i)];
    }
    throw new PatchError('expected composite type');
  });
}

function deleteAt(doc: Value, path: Path): Value {
  if (path.length === 0) throw new PatchError('cannot remove the whole document');
  return updateParent(doc, path, (parent, last) => {
    if (isObject(parent)) {
      if (!parent.has(last)) throw new PatchError('cannot delete child key that does not exist');
      return ObjectValue.fromEntries(parent.entries().filter(([k]) => !equal(k, last)));
    }
    if (isSet(parent)) {
      if (!parent.has(last)) throw new PatchError('cannot delete child key that does not exist');
      return SetValue.of(parent.values().filter((x) => !equal(x, last)));
    }
    if (isArray(parent)) {
      const i = arrayIndex(parent.length, last);
      if (i < 0 || i >= parent.length) throw new PatchError('index for array delete out of bounds');
      return [...parent.slice(0, i), ...parent.slice(i + 1)];
    }
    throw new PatchError('expected composite type');
  });
}
