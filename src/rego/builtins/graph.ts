/**
 * graph.reachable and graph.reachable_paths over a graph given as an object from node to its
 * neighbours (an array or set; anything else counts as no neighbours).
 */
import type { Value } from '../value.js';
import { ObjectValue, SetValue, isArray, isObject, isSet } from '../value.js';
import type { BuiltinDef } from './builtin.js';
import { operandError } from './builtin.js';

function vertices(collection: Value): readonly Value[] {
  if (isArray(collection)) return collection;
  if (isSet(collection)) return collection.values();
  return [];
}

function operands(args: readonly Value[]): [ObjectValue, readonly Value[]] {
  const [graph, initial] = args;
  if (!isObject(graph)) throw operandError(0, 'object', graph);
  if (!isArray(initial) && !isSet(initial)) throw operandError(1, '{array, set}', initial);
  return [graph, vertices(initial)];
}

/** Breadth-first: every node reached from the initial ones that is itself in the graph. */
function reachable(args: readonly Value[]): Value {
  const [graph, initial] = operands(args);
  const reached = new SetValue();
  const queue = [...initial];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head];
    const edges = graph.get(node);
    if (edges === undefined || reached.has(node)) continue;
    reached.add(node);
    for (const neighbour of vertices(edges)) if (!reached.has(neighbour)) queue.push(neighbour);
  }
  return reached;
}

/**
 * Every maximal path from each initial node: a path ends at a node without edges, before a node
 * missing from the graph, or where it would close a cycle.
 */
function reachablePaths(args: readonly Value[]): Value {
  const [graph, initial] = operands(args);
  const paths = new SetValue();
  const walk = (node: Value, path: readonly Value[], onPath: SetValue): void => {
    const edges = graph.get(node);
    if (edges === undefined) {
      paths.add(path);
      return;
    }
    const extended = [...path, node];
    const neighbours = vertices(edges);
    if (neighbours.length === 0) {
      paths.add(extended);
      return;
    }
    const seen = SetValue.of([...onPath.values(), node]);
    for (const next of neighbours) {
      if (seen.has(next)) paths.add(extended);
      else walk(next, extended, seen);
    }
  };
  for (const node of initial) {
    const edges = graph.get(node);
    if (edges === undefined) continue;
    const neighbours = vertices(edges);
    if (neighbours.length === 0) paths.add([node]);
    for (const next of neighbours) walk(next, [node], SetValue.of([node]));
  }
  return paths;
}

export const builtins: BuiltinDef[] = [
  { name: 'graph.reachable', arity: 2, fn: reachable },
  { name: 'graph.reachable_paths', arity: 2, fn: reachablePaths },
];
