import type { Config } from '../model/config.js';
import type { Frontmatter, Loaded, Recovery, Runbook } from '../model/runbook.js';
import { claimedAlerts } from './alert-claims.js';
import { readBody } from './body.js';
import { decodeSource } from './decode.js';
import { defaultedFrontmatter } from './defaulted-frontmatter.js';
import { settingsFor } from './file-settings.js';
import { readFields, type Fields } from './fields.js';
import { commentCuts } from './comment-cuts.js';
import { parseFrontmatter } from './frontmatter.js';
import { parseChunks } from './markdown.js';
import { MAX_CHUNK, oversizedChunk, splitIntoChunks } from './chunks.js';
import { crowdedParagraph, MAX_OPENERS } from './crowded-paragraph.js';
import { findPlaceholders } from './placeholders.js';
import { findSuppressions } from './suppression-comments.js';
import { spanOf } from './span.js';
import { renderBody } from './render-body.js';
import { MAX_NESTING, MAX_TREE_DEPTH, tooDeepLine, tooDeepNode } from './nesting.js';

/** One file to read: its id, its path as shown to users, and its bytes. */
export interface SourceFile {
  readonly id: string;
  readonly file: string;
  readonly path: string;
  readonly bytes: Uint8Array;
}

const NO_FIELDS: Fields = {
  title: { kind: 'none' },
  owner: { kind: 'none' },
  service: { kind: 'none' },
  severity: { kind: 'none' },
  lastTested: { kind: 'none' },
  reviewEvery: { kind: 'none' },
  alerts: [],
  tags: [],
  recovery: undefined,
  escalation: [],
  links: [],
  problems: [],
};

/**
 * The one way text from disk becomes a {@link Runbook}: every field valid or explicitly none, with
 * the problems found on the way kept in the runbook for the rules to report.
 */
export function parseRunbook(source: SourceFile, config: Config, options: { readonly render: boolean } = { render: false }): Loaded {
  const decoded = decodeSource(source.bytes);
  if (decoded.kind === 'unreadable') {
    return { kind: 'unreadable', file: source.file, reason: decoded.reason, span: decoded.span };
  }
  const text = decoded.text;
  const deepLine = tooDeepLine(text);
  if (deepLine !== undefined) {
    const reason = `nested ${deepLine.depth} levels deep (block quotes, lists, indentation); at most ${MAX_NESTING} levels are read`;
    return { kind: 'unreadable', file: source.file, reason, span: deepLine.span };
  }
  const crowded = crowdedParagraph(text);
  if (crowded !== undefined) {
    const reason = `a paragraph opening more than ${MAX_OPENERS} ${crowded.opener} (links, images or emphasis); at most ${MAX_OPENERS} are read in one paragraph`;
    return { kind: 'unreadable', file: source.file, reason, span: crowded.span };
  }
  const chunks = splitIntoChunks(text);
  const oversized = oversizedChunk(chunks);
  if (oversized !== undefined) {
    const reason = `the ${oversized.text.length} characters from this line on cannot be parsed in pieces (no blank line followed by a line that starts with a letter, a digit, \`#\` or \`[\`, outside code, comments and raw HTML); at most ${MAX_CHUNK} characters are parsed at once`;
    const point = { line: oversized.line, column: 1 };
    return { kind: 'unreadable', file: source.file, reason, span: { start: point, end: point } };
  }
  const tree = parseChunks(text, chunks);
  const deepNode = tooDeepNode(tree);
  if (deepNode !== undefined) {
    const reason = `Markdown nested more than ${MAX_TREE_DEPTH} levels deep (emphasis, links, lists, quotes); at most ${MAX_TREE_DEPTH} are read`;
    return { kind: 'unreadable', file: source.file, reason, span: deepNode.span };
  }
  const first = tree.children[0];
  const yamlNode = first?.type === 'yaml' ? first : undefined;
  const raw = parseFrontmatter(yamlNode && { value: yamlNode.value, span: spanOf(yamlNode) }, text);
  const settings = settingsFor(config, source.path);
  const defaulted = raw.kind === 'missing' && !raw.unclosed ? defaultedFrontmatter(config, settings.defaults) : undefined;
  const fields = raw.kind === 'parsed' ? readFields(raw.entries, config, settings.defaults, raw.spanOfNode, raw.span) : (defaulted?.fields ?? NO_FIELDS);
  const frontmatter: Frontmatter =
    raw.kind === 'parsed'
      ? { kind: 'parsed', span: raw.span, problems: [...fields.problems, ...commentCuts(raw.document, raw.spanOfNode)] }
      : (defaulted?.frontmatter ?? raw);
  const body = readBody(tree, config);
  const recovery: Recovery = fields.recovery !== undefined ? { source: 'frontmatter', steps: fields.recovery.value, span: fields.recovery.span } : body.recovery;
  const title = fields.title.kind === 'given' ? fields.title.value : (body.firstH1 ?? source.id);
  const runbook: Runbook = {
    id: source.id,
    file: source.file,
    path: source.path,
    title,
    frontmatter,
    owner: fields.owner,
    service: fields.service,
    severity: fields.severity,
    lastTested: fields.lastTested,
    reviewEvery: fields.reviewEvery,
    alerts: claimedAlerts(fields.alerts, source.id, config),
    tags: fields.tags,
    escalation: fields.escalation,
    links: fields.links,
    recovery,
    headings: body.headings,
    sections: body.sections,
    bodyLinks: body.links,
    placeholders: findPlaceholders(tree, text.split(/\r\n|\r|\n/)),
    suppressions: findSuppressions(tree, text.split(/\r\n|\r|\n/)),
    settings,
  };
  return { kind: 'runbook', runbook, body: options.render ? { kind: 'rendered', ...renderBody(tree) } : { kind: 'not-rendered' } };
}
