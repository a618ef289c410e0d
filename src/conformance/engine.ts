/** The real engine for the conformance runner (kept apart so unit tests can run on a fake one). */
import { compile } from '../rego/index.js';
import { parseTerm } from '../rego/parser.js';
import type { Engine } from './runner.js';

export const regoEngine: Engine = { compile, parseTerm };
