/**
 * The sections a collection writes, from the headings its runbooks actually use: which of their
 * headings to add as aliases of this tool's sections (only headings a good share of files use),
 * and which sections most files have, to require.
 */
import { normaliseConfig } from '../parse/config-normalise.js';
import type { Count, MarkdownFacts } from './detect-markdown-facts.js';

/** What the headings say about sections. */
export interface SectionFit {
  /** Their headings to read as each of our sections (beyond the built-in aliases), by section. */
  readonly aliases: readonly { readonly section: string; readonly headings: readonly string[] }[];
  /** Each of our sections with how many runbooks have it (under any alias), most first. */
  readonly present: readonly Count[];
  /** The sections to require: those most runbooks have. */
  readonly required: readonly string[];
  /** How many runbooks number their recovery steps (a numbered list under a recovery heading, or frontmatter `recovery`). */
  readonly numberedRecovery: number;
}

/** A heading is vocabulary when at least this share of the runbooks use it. */
const ALIAS_SHARE = 0.1;
/** A section is required when at least this share of the runbooks have it. */
const REQUIRED_SHARE = 0.8;

/** Headings that mean one of our sections, beyond the built-in aliases (compared as `headingKey` makes them). */
const SECTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  summary: ['symptoms', 'background', 'about', 'context', 'what is this alert', 'alert description'],
  impact: ['customer impact', 'user impact', 'business impact', 'severity and impact'],
  diagnosis: ['how to investigate', 'possible checks', 'steps to check', 'debugging', 'how to debug', 'diagnostics', 'checks', 'investigate', 'troubleshoot', 'triage'],
  recovery: ['what to do', 'how to fix', 'fix', 'fixing', 'solution', 'solutions', 'workaround', 'resolving', 'procedure', 'recovery steps', 'remediation steps', 'possible fixes'],
  escalation: ['escalations', 'escalation path', 'contacts', 'who to contact'],
};

/** The sections of `runbooks`, whose headings are counted in `headings`. */
export function sectionsOf(headings: readonly Count[], runbooks: readonly MarkdownFacts[]): SectionFit {
  const builtIn = normaliseConfig({}, { kind: 'defaults' }, '.').sectionAliases;
  const common = headings.filter((heading) => heading.files >= Math.min(2, runbooks.length) && heading.files >= runbooks.length * ALIAS_SHARE);
  const aliases = Object.entries(SECTION_WORDS)
    .map(([section, words]) => ({ section, headings: common.filter((heading) => words.includes(heading.name) && !builtIn.has(heading.name)).map((heading) => heading.name) }))
    .filter((entry) => entry.headings.length > 0);
  const sectionOf = new Map(builtIn);
  for (const entry of aliases) for (const heading of entry.headings) sectionOf.set(heading, entry.section);
  const bySection = [...new Set(builtIn.values())].map((section) => ({
    name: section,
    files: runbooks.filter((file) => file.headings.some((heading) => sectionOf.get(heading) === section)).length,
  }));
  return {
    aliases,
    present: [...bySection].sort((a, b) => b.files - a.files),
    required: bySection.filter((section) => section.files > 0 && section.files >= runbooks.length * REQUIRED_SHARE).map((section) => section.name),
    numberedRecovery: runbooks.filter((file) => file.keys?.includes('recovery') === true || file.numbered.some((heading) => sectionOf.get(heading) === 'recovery')).length,
  };
}
