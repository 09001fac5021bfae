import type { Command } from 'commander';
import type { Io } from '../io/io.js';

/** Makes one subcommand; `setExit` receives its exit code. */
export type CommandFactory = (io: Io, setExit: (code: number) => void) => Command;

/**
 * A subcommand as `runbook --help` lists it, and how to load it. Only the command being run is
 * loaded (with the Markdown, HTML and schema stacks it imports): the others are listed from here.
 */
export interface CommandEntry {
  readonly name: string;
  /** Its line in the list of commands: the name, `[options]` when it has some, and its arguments. */
  readonly term: string;
  readonly summary: string;
  readonly load: () => Promise<CommandFactory>;
}

/**
 * Every subcommand, in the order `--help` lists them. A new command is one file plus one entry here;
 * test/cli/commands.test.ts checks each entry's term and summary against the loaded command.
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'check',
    term: 'check [options] [paths...]',
    summary: 'check runbooks for staleness, completeness and broken links',
    load: async () => (await import('./check.js')).checkCommand,
  },
  {
    name: 'baseline',
    term: 'baseline [options] [paths...]',
    summary: "record today's problems, so that `check` fails only on new ones",
    load: async () => (await import('./baseline.js')).baselineCommand,
  },
  {
    name: 'build',
    term: 'build [options] [paths...]',
    summary: 'build the static, searchable on-call site',
    load: async () => (await import('./build.js')).buildCommand,
  },
  {
    name: 'serve',
    term: 'serve [options] [paths...]',
    summary: 'serve the site locally, rebuilding and reloading on every change',
    load: async () => (await import('./serve.js')).serveCommand,
  },
  {
    name: 'show',
    term: 'show [options] <query...>',
    summary: 'show the runbook for an alert: status, whom to call, recovery steps',
    load: async () => (await import('./show.js')).showCommand,
  },
  {
    name: 'tested',
    term: 'tested [options] <target>',
    summary: "record a drill: set a runbook's last_tested to today (or --date)",
    load: async () => (await import('./tested.js')).testedCommand,
  },
  {
    name: 'drill',
    term: 'drill [options] <target>',
    summary: "drill a runbook's recovery steps one at a time, timed, and keep a record",
    load: async () => (await import('./drill.js')).drillCommand,
  },
  {
    name: 'due',
    term: 'due [options] [paths...]',
    summary: 'list the runbooks due for a drill soon (text, Markdown, JSON, iCalendar, Slack)',
    load: async () => (await import('./due.js')).dueCommand,
  },
  {
    name: 'cheatsheet',
    term: 'cheatsheet [options] [paths...]',
    summary: 'print-ready cheat sheets: per team (or service), most severe runbook first',
    load: async () => (await import('./cheatsheet.js')).cheatsheetCommand,
  },
  {
    name: 'coverage',
    term: 'coverage [options] [paths...]',
    summary: 'check that every alert has a runbook and links to it',
    load: async () => (await import('./coverage.js')).coverageCommand,
  },
  {
    name: 'init',
    term: 'init [options] [dir]',
    summary: 'set up a repository: a config that fits its runbooks, CI workflows',
    load: async () => (await import('./init.js')).initCommand,
  },
  {
    name: 'new',
    term: 'new [options] <id>',
    summary: 'create a runbook from a template, with the required sections ready to fill',
    load: async () => (await import('./new.js')).newCommand,
  },
  {
    name: 'schema',
    term: 'schema [options] [name]',
    summary: 'print the JSON Schema of the frontmatter, the config or a drill record',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
];

/**
 * The name of the command `argv` runs, if any: its first word that is no option, or the next one
 * after `help` (`runbook help check` prints check's own help).
 */
export function commandNameIn(argv: readonly string[]): string | undefined {
  const words = argv.filter((arg) => !arg.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}
