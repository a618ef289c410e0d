import type { BuiltinDef } from './builtin.js';

export const builtins: BuiltinDef[] = [];
