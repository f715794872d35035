import type { GlobalOptions } from '../session.js';

/** What a command needs from the program around it. */
export interface CommandHost {
  globals(): GlobalOptions;
  exit(code: number): void;
}
