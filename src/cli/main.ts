import { Command, CommanderError, Help } from 'commander';
import type { Io } from '../io/io.js';
import { printable, printableLines } from '../text/terminal-text.js';
import { EXIT } from './exit-codes.js';
import { commandNameIn, COMMANDS, type CommandEntry } from './commands.js';
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
  try {
    // Only the command being run is loaded; the others are listed (for --help) from their entries.
    const wanted = commandNameIn(argv);
    const listed = new Map<Command, string>();
    for (const entry of COMMANDS) {
      if (entry.name === wanted) program.addCommand((await entry.load())(io, setExit));
      else program.addCommand(listedOnly(entry, listed));
    }
    const help = new Help();
    program.configureHelp({ subcommandTerm: (command) => listed.get(command) ?? help.subcommandTerm(command) });
    for (const command of program.commands) command.exitOverride().configureOutput(program.configureOutput());
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error: unknown) {
    return failure(error, io);
  }
}

/** A command that is only listed: its name and summary, and its term remembered in `listed`. */
function listedOnly(entry: CommandEntry, listed: Map<Command, string>): Command {
  const command = new Command(entry.name).summary(entry.summary).action(() => {
    throw new Error(`bug: the command \`${entry.name}\` was run without being loaded`);
  });
  listed.set(command, entry.term);
  return command;
}

/**
 * An error's message and causes, printable: they can quote a path or a config value from the
 * repository. Only a config error keeps its line breaks (one line per problem); any other message is
 * one line, so a value cannot fake a line of its own.
 */
async function shown(error: unknown): Promise<string> {
  const [{ describeError }, { ConfigError }] = await Promise.all([import('../check/run.js'), import('../parse/config.js')]);
  const message = describeError(error);
  return error instanceof ConfigError ? printableLines(message) : printable(message);
}

/**
 * Turns a failure of the run into a message on stderr and exit code 2 (0 for help and version).
 * The error classes are loaded here, when something failed: `--version` and `--help` never need them.
 */
async function failure(error: unknown, io: Io): Promise<number> {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') {
      return EXIT.ok;
    }
    return EXIT.failure;
  }
  const [{ ConfigError }, { DiscoveryError }, { OutputError }] = await Promise.all([
    import('../parse/config.js'),
    import('../io/discover.js'),
    import('../io/site-output.js'),
  ]);
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof DiscoveryError || error instanceof OutputError) {
    io.stderr.write(`runbook: ${await shown(error)}\n`);
    return EXIT.failure;
  }
  io.stderr.write(`runbook: the run failed: ${await shown(error)}\n`);
  if (error instanceof Error && error.stack !== undefined && io.env.RUNBOOK_DEBUG !== undefined) io.stderr.write(`${printableLines(error.stack)}\n`);
  return EXIT.failure;
}
