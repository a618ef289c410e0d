/**
 * The entry point of the Action's bundle (dist/index.js): wires `runAction` to the runner through
 * @actions/core and turns the result into the step's status. An error ends the step with one line.
 */
import * as core from '@actions/core';
import { runAction } from './action.js';
import { describeError } from '../cli/errors.js';

export async function main(): Promise<void> {
  try {
    const result = await runAction({
      env: process.env,
      readInput: (name) => core.getInput(name),
      setOutput: (name, value) => core.setOutput(name, value),
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
      annotate: (a) => {
        const properties = { title: a.title, file: a.file, startLine: a.startLine };
        if (a.level === 'error') core.error(a.message, properties);
        else if (a.level === 'warning') core.warning(a.message, properties);
        else core.notice(a.message, properties);
      },
    });
    if (result.failure) core.setFailed(result.failure);
  } catch (err) {
    if (err instanceof Error && err.stack) core.debug(err.stack);
    core.setFailed(`tfguard: ${describeError(err)}`);
  }
}
