#!/usr/bin/env node
/** Entry point of `npm run conformance`. */
import { hideBin } from 'yargs/helpers';
import { regoEngine } from '../conformance/engine.js';
import { runConformanceCli } from './conformance-command.js';

process.exitCode = await runConformanceCli(hideBin(process.argv), regoEngine);
