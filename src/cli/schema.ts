import { Command } from 'commander';
import { RULES } from '../check/registry.js';
import { configJsonSchema, drillJsonSchema, frontmatterJsonSchema, SCHEMA_NAMES, schemaText, type JsonSchema, type SchemaName } from '../adopt/json-schemas.js';
import { loadConfig } from '../io/config-file.js';
import type { Io } from '../io/io.js';
import { EXIT } from './exit-codes.js';
import { UsageError } from './usage-error.js';

interface SchemaOptions {
  readonly config?: string;
}

/** `runbook schema [frontmatter|config|drill]`: prints a JSON Schema (draft-07) for editors and other tools. */
export function schemaCommand(io: Io, setExit: (code: number) => void): Command {
  return new Command('schema')
    .summary('print the JSON Schema of the frontmatter, the config or a drill record')
    .description(
      'Prints a JSON Schema (draft-07), generated from the definitions `runbook check` validates with. The same ' +
        'schemas ship in the package as schemas/frontmatter.schema.json, schemas/config.schema.json and schemas/drill.schema.json ' +
        '(the frontmatter of a drill record file, as `runbook drill` writes it). With --config, ' +
        'the frontmatter schema follows that config: its key names (`fields`), severities, team ids and `extra_keys`.',
    )
    .argument('[name]', `which schema: ${SCHEMA_NAMES.join(' or ')}`, 'frontmatter')
    .option('-c, --config <path>', 'make the frontmatter schema follow this config file (default: the general schema)')
    .addHelpText(
      'after',
      `
Point an editor at a schema (VS Code with the YAML extension, or any yaml-language-server client):
  # yaml-language-server: $schema=node_modules/runbook/schemas/config.schema.json
as the first line of runbook.config.yaml. See docs/ci.md.

Examples:
  $ runbook schema config > runbook.config.schema.json
  $ runbook schema frontmatter --config runbook.config.yaml > frontmatter.schema.json`,
    )
    .action((name: string, options: SchemaOptions) => {
      io.stdout.write(schemaText(schemaFor(parseSchemaName(name), options, io)));
      setExit(EXIT.ok);
    });
}

function schemaFor(name: SchemaName, options: SchemaOptions, io: Io): JsonSchema {
  const ruleIds = RULES.map((rule) => rule.id);
  if (name !== 'frontmatter' && options.config !== undefined) throw new UsageError(`--config applies to the frontmatter schema only; the ${name} schema is the same for every project`);
  if (name === 'config') return configJsonSchema(ruleIds);
  if (name === 'drill') return drillJsonSchema();
  return options.config === undefined ? frontmatterJsonSchema() : frontmatterJsonSchema(loadConfig(io.cwd, options.config, ruleIds));
}

function parseSchemaName(text: string): SchemaName {
  const name = SCHEMA_NAMES.find((candidate) => candidate === text);
  if (name === undefined) throw new UsageError(`unknown schema \`${text}\`, expected ${SCHEMA_NAMES.map((known) => `\`${known}\``).join(' or ')}`);
  return name;
}
