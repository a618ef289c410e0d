/** The conformance runner: load OPA's YAML cases, run them on an engine, report per folder. */
export * from './case.js';
export * from './compare.js';
export * from './report.js';
export * from './runner.js';
export { termToValue, NonGroundTermError } from './term-value.js';
