#!/usr/bin/env node
/** Entry point of the `tfguard` binary. */
import { runCli } from './app.js';
import { hideBin } from 'yargs/helpers';

process.exitCode = await runCli(hideBin(process.argv));
