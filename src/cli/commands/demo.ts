import type { CliIO } from '../io.js';
import type { ParsedArgs } from '../args.js';
import { notYet } from './not-yet.js';

export async function runDemoCommand(_args: ParsedArgs, _io: CliIO): Promise<number> {
  return notYet('demo');
}
