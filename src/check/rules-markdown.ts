import { RULES } from './registry.js';

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
      if (rule.examples !== undefined) {
        parts.push('Reported:\n');
        parts.push(fence(rule.examples.notOk));
        parts.push('Fine:\n');
        parts.push(fence(rule.examples.ok));
      }
    }
  }
  return parts.join('\n');
}

function fence(text: string): string {
  return `\`\`\`markdown\n${text.endsWith('\n') ? text : `${text}\n`}\`\`\`\n`;
}
