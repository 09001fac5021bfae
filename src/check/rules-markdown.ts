import { RULES } from './registry.js';
import type { ExampleFiles, ExampleFinding } from './rule.js';

/**
 * The rules as a Markdown section (id, severity, what, why, its codes when it has several, fix,
 * examples), kept in docs/format.md between `<!-- rules:start -->` and `<!-- rules:end -->`; a test
 * fails when the two differ.
 */
export function rulesMarkdown(): string {
  const categories = [...new Set(RULES.map((rule) => rule.category))];
  const parts: string[] = [];
  for (const category of categories) {
    parts.push(`### ${category}\n`);
    for (const rule of RULES.filter((candidate) => candidate.category === category)) {
      parts.push(`#### \`${rule.id}\` (${rule.defaultSeverity})\n`);
      parts.push(`${rule.summary}\n`);
      parts.push(`- **Why:** ${rule.why}`);
      const codes = Object.keys(rule.messages);
      if (codes.length > 1) parts.push(`- **Codes:** ${codes.map((code) => `\`${code}\``).join(', ')}`);
      parts.push(`- **Fix:** ${rule.fix}\n`);
      if (!('testedIn' in rule.examples)) {
        const { ok, notOk, reported } = rule.examples;
        parts.push(`Reported at ${placesText(reported)}:\n`);
        parts.push(...filesText(notOk));
        parts.push('Fine:\n');
        parts.push(...filesText(ok));
      }
    }
  }
  return parts.join('\n');
}

/** Where a not-ok example is reported, with the code when it is a variant; a place reported n times in a row once, with `×n`. */
function placesText(reported: readonly ExampleFinding[]): string {
  const shown = reported.map((finding) => (finding.code === undefined ? `\`${finding.at}\`` : `\`${finding.at}\` (\`${finding.code}\`)`));
  const runs: { text: string; count: number }[] = [];
  for (const text of shown) {
    const last = runs.at(-1);
    if (last?.text === text) last.count++;
    else runs.push({ text, count: 1 });
  }
  return runs.map((run) => (run.count === 1 ? run.text : `${run.text} ×${run.count}`)).join(', ');
}

/** An example's files: one runbook alone, or each file under its name. */
function filesText(files: ExampleFiles): readonly string[] {
  if (typeof files === 'string') return [fence('markdown', files)];
  return Object.entries(files).flatMap(([name, text]) => [`\`${name}\`:\n`, fence(name.endsWith('.md') ? 'markdown' : 'yaml', text)]);
}

function fence(language: string, text: string): string {
  return `\`\`\`${language}\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\`\n`;
}
