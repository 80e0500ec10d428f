import type { CliIO } from './io.js';

export { plural } from '@sds-toolkit/openapi-model';

export interface Paint {
  readonly red: (text: string) => string;
  readonly yellow: (text: string) => string;
  readonly green: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly bold: (text: string) => string;
}

const sgr = (open: number, close: number) => (text: string) => `\x1b[${open}m${text}\x1b[${close}m`;
const coloured: Paint = {
  red: sgr(31, 39),
  yellow: sgr(33, 39),
  green: sgr(32, 39),
  dim: sgr(2, 22),
  bold: sgr(1, 22),
};
const plain: Paint = { red: String, yellow: String, green: String, dim: String, bold: String };

/**
 * Colours for one stream: only on a terminal, and never when NO_COLOR is set to anything but '' (no-color.org).
 * FORCE_COLOR (non-empty, not '0') turns them on for a pipe, as node and most tools do.
 */
export function paint(io: CliIO, stream: 'stdout' | 'stderr'): Paint {
  const noColor = io.env.NO_COLOR;
  if (noColor !== undefined && noColor !== '') return plain;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return coloured;
  return io.tty?.[stream] ? coloured : plain;
}
