/** Every builtin function, collected from one module per family. */
import type { BuiltinDef } from './builtin.js';
import { builtins as stringsBuiltins } from './strings.js';
import { builtins as regexBuiltins } from './regex.js';
import { builtins as globBuiltins } from './glob.js';
import { builtins as sprintfBuiltins } from './sprintf.js';
import { builtins as numbersBuiltins } from './numbers.js';
import { builtins as bitsBuiltins } from './bits.js';
import { builtins as aggregatesBuiltins } from './aggregates.js';
import { builtins as arraysBuiltins } from './arrays.js';
import { builtins as setsBuiltins } from './sets.js';
import { builtins as objectsBuiltins } from './objects.js';
import { builtins as typecheckBuiltins } from './typecheck.js';
import { builtins as comparisonBuiltins } from './comparison.js';
import { builtins as jsonBuiltins } from './json.js';
import { builtins as yamlBuiltins } from './yaml.js';
import { builtins as encodingBuiltins } from './encoding.js';
import { builtins as cryptoBuiltins } from './crypto.js';
import { builtins as uuidBuiltins } from './uuid.js';
import { builtins as netBuiltins } from './net.js';
import { builtins as graphBuiltins } from './graph.js';
import { builtins as walkBuiltins } from './walk.js';
import { builtins as timeBuiltins } from './time.js';
import { builtins as semverBuiltins } from './semver.js';
import { builtins as unitsBuiltins } from './units.js';
import { builtins as randBuiltins } from './rand.js';

const families: readonly (readonly BuiltinDef[])[] = [
  stringsBuiltins,
  regexBuiltins,
  globBuiltins,
  sprintfBuiltins,
  numbersBuiltins,
  bitsBuiltins,
  aggregatesBuiltins,
  arraysBuiltins,
  setsBuiltins,
  objectsBuiltins,
  typecheckBuiltins,
  comparisonBuiltins,
  jsonBuiltins,
  yamlBuiltins,
  encodingBuiltins,
  cryptoBuiltins,
  uuidBuiltins,
  netBuiltins,
  graphBuiltins,
  walkBuiltins,
  timeBuiltins,
  semverBuiltins,
  unitsBuiltins,
  randBuiltins,
];

export const BUILTINS: ReadonlyMap<string, BuiltinDef> = new Map(families.flat().map((b) => [b.name, b]));
