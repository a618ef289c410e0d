/**
 * Path handling shared by json.filter, json.remove and json.patch, following OPA's semantics:
 * a path is either a "/"-separated JSON-pointer-like string or an array of segments; many paths are
 * merged into a tree (an object whose leaves are null) before being applied.
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, hashKey, isArray, isObject, isSet, typeName } from '../value.js';
import { OperandError } from './builtin.js';

export type Path = readonly Value[];

/** Parses one path: "" is the root, leading slashes are dropped, "~1" and "~0" are unescaped. */
export function parsePath(p: Value): Path {
  if (typeof p === 'string') {
    if (p === '') return [];
    return p
      .replace(/^\/+/, '')
      .split('/')
      .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
  }
  if (isArray(p)) return p;
  throw new OperandError(
    `operand 2 must be one of {set, array} containing string paths or array of path segments but got ${typeName(p)}`,
  );
}

/** The paths operand of json.filter/json.remove: a set or array of paths. */
export function parsePaths(operand: Value): Path[] {
  if (isArray(operand)) return operand.map(parsePath);
  if (isSet(operand)) return operand.values().map(parsePath);
  throw new OperandError(`operand 2 must be one of {set, array} but got ${typeName(operand)}`);
}

/** A mutable tree of path segments; a leaf (null) covers everything beneath it. */
type PathTree = Map<string, { key: Value; child: PathTree | null }>;

/**
 * Merges paths into a tree. A shorter path wins over a longer one sharing its prefix, whatever the
 * order they come in, as in OPA's pathsToObject.
 */
export function pathsToTree(paths: readonly Path[]): ObjectValue {
  const root: PathTree = new Map();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node = root;
    let covered = false;
    for (let i = 0; i < path.length - 1 && !covered; i++) {
      const k = hashKey(path[i]);
      const entry = node.get(k);
      if (entry === undefined) {
        const child: PathTree = new Map();
        node.set(k, { key: path[i], child });
        node = child;
      } else if (entry.child === null) covered = true;
      else node = entry.child;
    }
    if (!covered) node.set(hashKey(path[path.length - 1]), { key: path[path.length - 1], child: null });
  }
  return treeToObject(root);
}

function treeToObject(tree: PathTree): ObjectValue {
  const out = new ObjectValue();
  for (const { key, child } of tree.values()) out.put(key, child === null ? null : treeToObject(child));
  return out;
}

/** json.filter: keeps only what the filter tree selects (OPA's Object.Filter). */
export function filterValue(v: Value, filter: Value): Value {
  if (filter === null) return v;
  if (!isObject(filter)) throw new Error('invalid filter value, expected an object');
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      // Array positions are matched by their decimal text only, as in OPA.
      const sub = filter.get(String(i));
      if (sub !== undefined) out.push(filterValue(x, sub));
    });
    return out;
  }
  if (isSet(v)) {
    const out = new SetValue();
    for (const x of v.values()) {
      const sub = filter.get(x);
      if (sub !== undefined) out.add(filterValue(x, sub));
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectValue();
    for (const [k, x] of v.entries()) {
      const sub = filter.get(k);
      if (sub !== undefined) out.put(k, filterValue(x, sub));
    }
    return out;
  }
  return v;
}

/** json.remove: drops what the tree's leaves select; undefined means "removed". */
export function removeValue(v: Value, selector: Value | undefined): Value | undefined {
  if (selector === undefined) return v;
  if (selector === null) return undefined;
  if (!isObject(selector)) return v;
  if (isArray(v)) {
    const out: Value[] = [];
    v.forEach((x, i) => {
      const kept = removeValue(x, selector.get(String(i)));
      if (kept !== undefined) out.push(kept);
    });
    return out;
  }
  if (isSet(v)) {
    const out = new SetValue();
    for (const x of v.values()) {
      const kept = removeValue(x, selector.get(x));
      if (kept !== undefined) out.add(kept);
    }
    return out;
  }
  if (isObject(v)) {
    const out = new ObjectValue();
    for (const [k, x] of v.entries()) {
      const kept = removeValue(x, selector.get(k));
      if (kept !== undefined) out.put(k, kept);
    }
    return out;
  }
  return v;
}
