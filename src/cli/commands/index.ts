import type { EntityManager } from '@mikro-orm/postgresql';
import { COMMANDS, runCommand, usage } from '../register-commands';
import { RECORD_COMMANDS } from './record-commands';
import { STATISTICS_COMMANDS } from './statistics-commands';

/** Every command of the register CLI: organisations and tokens (register-commands.ts), import and sync (record-commands.ts), the statistics' read model (statistics-commands.ts). */
export const ALL_COMMANDS = { ...COMMANDS, ...RECORD_COMMANDS, ...STATISTICS_COMMANDS };

export const REGISTER_USAGE = usage(ALL_COMMANDS);

export function runRegisterCommand(em: EntityManager, argv: string[]): Promise<string[]> {
  return runCommand(em, argv, ALL_COMMANDS);
}
