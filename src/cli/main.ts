import { Command, CommanderError } from 'commander';
import { describeError } from '../check/run.js';
import { DiscoveryError } from '../io/discover.js';
import { OutputError } from '../io/site-output.js';
import type { Io } from '../io/io.js';
import { ConfigError } from '../parse/config.js';
import { printable, printableLines } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';
import { COMMANDS } from './commands.js';
import { UsageError } from './usage-error.js';
import { toolInfo } from './version.js';

/**
 * The whole CLI as a function: parses `argv` (without `node` and the script), runs the command with
 * the given io, and returns the exit code. Never calls `process.exit`; never throws.
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const setExit = (code: number): void => {
    exitCode = code;
  };
  const program = new Command('runbook')
    .description('Operational runbooks as code: check them in CI, build the on-call site, print cheat sheets.')
    .version(toolInfo().version, '-v, --version', 'print the version')
    .configureOutput({
      writeOut: (text) => {
        io.stdout.write(text);
      },
      writeErr: (text) => {
        io.stderr.write(text);
      },
    })
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  for (const factory of COMMANDS) program.addCommand(factory(io, setExit));
  for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error: unknown) {
    return failure(error, io);
  }
}

/**
 * An error's message and causes, printable: they can quote a path or a config value from the
 * repository. Only a config error keeps its line breaks (one line per problem); any other message is
 * one line, so a value cannot fake a line of its own.
 */
function shown(error: unknown): string {
  const message = describeError(error);
  return error instanceof ConfigError ? printableLines(message) : printable(message);
}

/** Turns a failure of the run into a message on stderr and exit code 2 (0 for help and version). */
function failure(error: unknown, io: Io): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return EXIT.failure;
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DiscoveryError || error instanceof OutputError) {
    io.stderr.write(`runbook: ${shown(error)}\n`);
    return EXIT.failure;
  }
  io.stderr.write(`runbook: the run failed: ${shown(error)}\n`);
  if (error instanceof Error && error.stack !== undefined && io.env.RUNBOOK_DEBUG !== undefined) io.stderr.write(`${printableLines(error.stack)}\n`);
  return EXIT.failure;
}
