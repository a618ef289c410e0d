/** Where commands write, so tests can capture output instead of touching the process streams. */
import pc from 'picocolors';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Whether colour is allowed by the environment (NO_COLOR, a TTY…); `--no-color` can still turn it off. */
  colorSupported: boolean;
  /** Whether stderr is a terminal a person watches (progress bars); false in CI logs, pipes and tests. */
  interactive?: boolean;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  colorSupported: pc.isColorSupported,
  interactive: process.stderr.isTTY === true && process.env.CI === undefined,
};

export type Colors = ReturnType<typeof pc.createColors>;

export function colorsFor(io: CliIO, colorOption: boolean): Colors {
  return pc.createColors(io.colorSupported && colorOption);
}

/** Writes text followed by a newline. */
export function println(write: (text: string) => void, text = ''): void {
  write(`${text}\n`);
}
