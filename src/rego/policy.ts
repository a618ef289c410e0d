import type { Policy, SourceFile } from './index.js';

/** Placeholder until the compiler lands (being written now). */
export function compile(_sources: SourceFile[]): Policy {
  throw new Error('the Rego compiler is not built yet');
}
