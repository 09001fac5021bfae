import type { Command } from 'commander';
import type { Io } from '../io/io.js';
import { baselineCommand } from './baseline.js';
import { buildCommand } from './build.js';
import { cheatsheetCommand } from './cheatsheet.js';
import { checkCommand } from './check.js';
import { coverageCommand } from './coverage.js';
import { dueCommand } from './due.js';
import { serveCommand } from './serve.js';
import { showCommand } from './show.js';
import { testedCommand } from './tested.js';
import { drillCommand } from './drill.js';
import { initCommand } from './init.js';
import { newCommand } from './new.js';
import { schemaCommand } from './schema.js';

/** Makes one subcommand; `setExit` receives its exit code. */
export type CommandFactory = (io: Io, setExit: (code: number) => void) => Command;

/** Every subcommand, in the order `--help` lists them. A new command is one file plus one line here. */
export const COMMANDS: readonly CommandFactory[] = [checkCommand, baselineCommand, buildCommand, serveCommand, showCommand, testedCommand, drillCommand, dueCommand, cheatsheetCommand, coverageCommand, initCommand, newCommand, schemaCommand];
