/**
 * The JSON Schema (draft-07) of the `json` format, for consumers that validate what they read and
 * for the tests that keep `json` honest. Kept next to `json.ts`; change both together.
 */

import { JSON_REPORT_VERSION } from './json.js';

const position = { type: 'integer', minimum: 1 } as const;
const text = { type: 'string' } as const;

/** JSON Schema (draft-07) of the document `json` writes (`JsonReport`). */
export const JSON_REPORT_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'runbook check --format json',
  description: 'The result of one `runbook check` run. Lines and columns are 1-based; ends are exclusive.',
  type: 'object',
  additionalProperties: false,
  required: ['version', 'tool', 'summary', 'files'],
  properties: {
    version: { const: JSON_REPORT_VERSION, description: 'Changes only when a field is removed or changes meaning.' },
    tool: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'version'],
      properties: { name: text, version: text },
    },
    summary: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'errors', 'warnings', 'infos'],
      properties: {
        files: { type: 'integer', minimum: 0, description: 'The number of entries in `files`.' },
        errors: { type: 'integer', minimum: 0 },
        warnings: { type: 'integer', minimum: 0 },
        infos: { type: 'integer', minimum: 0 },
      },
    },
    files: {
      type: 'array',
      description:
        'Every checked file, sorted, clean ones included; plus any other path a diagnostic names (run-wide findings are reported on the runbooks root).',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['file', 'diagnostics'],
        properties: {
          file: text,
          diagnostics: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['file', 'line', 'column', 'endLine', 'endColumn', 'ruleId', 'code', 'severity', 'message', 'params'],
              properties: {
                file: text,
                line: position,
                column: position,
                endLine: position,
                endColumn: position,
                ruleId: text,
                code: { type: 'string', description: 'The kind of problem: the rule id, or `<rule-id>/<variant>`; never renamed.' },
                severity: { enum: ['error', 'warning', 'info'] },
                message: text,
                params: {
                  type: 'object',
                  description: 'The values the message is made from (names, paths, dates, counts), by name; which names depends on `code`.',
                  additionalProperties: { anyOf: [{ type: 'string' }, { type: 'number' }] },
                },
                expected: { type: 'string', description: 'What the rule expected.' },
                actual: { type: 'string', description: 'The offending value, as written.' },
                note: { type: 'string', description: 'One more sentence of help.' },
              },
            },
          },
        },
      },
    },
  },
} as const;
