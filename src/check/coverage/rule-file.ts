import { isAlias, isMap, isScalar, isSeq, LineCounter, parseAllDocuments, visit, type Document, type Node as YamlNode, type YAMLMap } from 'yaml';
import { FILE_START, type Span } from '../../model/diagnostic.js';
import type { RuleFileSource } from '../../model/rule-file-source.js';
import type { Field, Located } from '../../model/runbook.js';
import { errorsWithDuplicateKeys, YAML_OPTIONS } from '../../parse/yaml-unique-keys.js';
import { excerpt, PARSER_MESSAGE_LENGTH } from '../../text/terminal-text.js';
import type { AlertRule, RuleFile } from './alert-rule.js';

/** How many aliases in a row are followed (an alias of an alias…); nothing is ever expanded wholesale. */
const MAX_ALIAS_DEPTH = 20;

/** A rule file as read by the shell, parsed; one that was not read has its reason as a problem on the file. */
export function parseRuleFileSource(source: RuleFileSource): RuleFile {
  if (source.kind === 'not-read') return { file: source.file, alerts: [], problems: [{ value: source.reason, span: FILE_START }] };
  return parseRuleFile(source.text, source.file);
}

/**
 * Reads a Prometheus rule file: plain rule files (`groups[].rules[]`), Kubernetes `PrometheusRule`
 * resources (`spec.groups`) and `List`s of them, in any number of YAML documents. Other Kubernetes
 * resources in the same stream (a `Deployment` beside the rules) are skipped. Nothing is executed:
 * the YAML is read as data with the core schema, and every problem is located in the file.
 */
export function parseRuleFile(text: string, file: string): RuleFile {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, schema: 'core', ...YAML_OPTIONS });
  const point = (offset: number): Span['start'] => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const spanOf = (start: number, end: number): Span => ({ start: point(start), end: point(Math.max(start, end)) });
  const alerts: AlertRule[] = [];
  const problems: Located<string>[] = [];
  for (const document of documents) {
    const yamlProblems = [...errorsWithDuplicateKeys(document), ...document.warnings];
    if (yamlProblems.length > 0) {
      for (const problem of yamlProblems) {
        const start = problem.code === 'MISSING_CHAR' ? (unclosedQuoteAt(document, problem.pos[0]) ?? problem.pos[0]) : problem.pos[0];
        const where = start === problem.pos[0] ? '' : ' (the quoted text starting here is never closed)';
        problems.push({ value: `Invalid YAML: ${excerpt(problem.message, PARSER_MESSAGE_LENGTH)} (${problem.code})${where}`, span: spanOf(start, start === problem.pos[0] ? problem.pos[1] : start + 1) });
      }
      continue;
    }
    const read = readDocument(document, file, spanOf);
    problems.push(...read.problems);
    alerts.push(...read.alerts);
  }
  return { file, alerts, problems };
}

/**
 * Where the quoted scalar ending at `end` opens: the parser reports a missing closing quote where
 * the text runs out (often the end of the file), but the mistake is where the quote was opened.
 */
function unclosedQuoteAt(document: Document, end: number): number | undefined {
  let start: number | undefined;
  visit(document, {
    Scalar(_, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === end) start = node.range[0];
    },
  });
  return start;
}

/** Reads one YAML document's nodes into alert rules, collecting located problems. */
function readDocument(document: Document, file: string, spanOf: (start: number, end: number) => Span): Pick<RuleFile, 'alerts' | 'problems'> {
  const alerts: AlertRule[] = [];
  const problems: Located<string>[] = [];
  const spanOfNode = (node: YamlNode): Span => {
    const range = node.range ?? [0, 0, 0];
    return spanOf(range[0], range[1]);
  };
  const problem = (node: YamlNode, message: string): void => {
    problems.push({ value: message, span: spanOfNode(node) });
  };

  /** The node itself, or what an alias points at; undefined for nothing (`key:` with no value). */
  const deref = (node: unknown, depth = 0): YamlNode | undefined => {
    if (node === null || node === undefined) return undefined;
    if (isAlias(node)) return depth >= MAX_ALIAS_DEPTH ? undefined : deref(node.resolve(document), depth + 1);
    if (isScalar(node) && node.value === null) return undefined;
    return isMap(node) || isSeq(node) || isScalar(node) ? node : undefined;
  };

  /** A plain rule file, a `PrometheusRule`, a `List` of resources, or some other resource (skipped). */
  const readResource = (node: unknown, depth: number): void => {
    const root = deref(node);
    if (root === undefined) return;
    if (!isMap(root)) {
      // A whole file that is one text value is not quoted at all: it may be a token or a key.
      const found = isScalar(root) ? 'one text value, not a mapping' : describe(root);
      problem(root, `Expected a Prometheus rule file (a mapping with \`groups:\`) or a Kubernetes \`PrometheusRule\`, found ${found}`);
      return;
    }
    const kindNode = deref(root.get('kind', true));
    if (kindNode === undefined) {
      const groups = deref(root.get('groups', true));
      if (groups === undefined) problem(root, 'Expected `groups:` (a Prometheus rule file) or `kind: PrometheusRule`, found neither');
      else readGroups(groups);
      return;
    }
    const kind = isScalar(kindNode) ? String(kindNode.value) : undefined;
    if (kind === 'PrometheusRule') {
      const spec = deref(root.get('spec', true));
      const groups = isMap(spec) ? deref(spec.get('groups', true)) : undefined;
      if (groups === undefined) problem(spec ?? kindNode, 'A `PrometheusRule` without `spec.groups`');
      else readGroups(groups);
    } else if (kind === 'List' && depth === 0) {
      const items = deref(root.get('items', true));
      if (isSeq(items)) for (const item of items.items) readResource(item, depth + 1);
    }
  };

  const readGroups = (node: YamlNode): void => {
    if (!isSeq(node)) {
      problem(node, `\`groups\` is ${describe(node)}, expected a list of rule groups`);
      return;
    }
    for (const item of node.items) {
      const group = deref(item);
      if (group === undefined) continue;
      if (!isMap(group)) {
        problem(group, `A rule group is ${describe(group)}, expected a mapping with \`name\` and \`rules\``);
        continue;
      }
      const rules = deref(group.get('rules', true));
      if (rules === undefined) continue;
      if (!isSeq(rules)) {
        problem(rules, `\`rules\` is ${describe(rules)}, expected a list of rules`);
        continue;
      }
      for (const rule of rules.items) readRule(deref(rule));
    }
  };

  const readRule = (rule: YamlNode | undefined): void => {
    if (rule === undefined) return;
    if (!isMap(rule)) {
      problem(rule, `A rule is ${describe(rule)}, expected a mapping with \`alert\` or \`record\``);
      return;
    }
    const nameNode = deref(rule.get('alert', true));
    if (nameNode === undefined) return; // A recording rule.
    if (!isScalar(nameNode) || typeof nameNode.value !== 'string' || nameNode.value.trim() === '') {
      problem(nameNode, `\`alert\` is ${describe(nameNode)}, expected an alert name`);
      return;
    }
    const runbookUrl = readRunbookUrl(rule);
    if (runbookUrl !== undefined) alerts.push({ name: nameNode.value, file, span: spanOfNode(nameNode), runbookUrl });
  };

  /** The `runbook_url` annotation; undefined (with a problem) when it is there but no text. */
  const readRunbookUrl = (rule: YAMLMap): Field<string> | undefined => {
    const annotations = deref(rule.get('annotations', true));
    if (annotations === undefined) return { kind: 'none' };
    if (!isMap(annotations)) {
      problem(annotations, `\`annotations\` is ${describe(annotations)}, expected a mapping`);
      return undefined;
    }
    const url = deref(annotations.get('runbook_url', true));
    if (url === undefined || (isScalar(url) && url.value === '')) return { kind: 'none' };
    if (!isScalar(url) || typeof url.value !== 'string') {
      problem(url, `\`runbook_url\` is ${describe(url)}, expected a URL`);
      return undefined;
    }
    return { kind: 'given', value: url.value, span: spanOfNode(url) };
  };

  readResource(document.contents, 0);
  return { alerts, problems };
}

/**
 * What a node is, for messages: `a list`, `a mapping`, or a short printable excerpt of the scalar
 * (a file that is no rule file at all is one long scalar, which no message should carry whole).
 */
function describe(node: YamlNode): string {
  if (isSeq(node)) return 'a list';
  if (isMap(node)) return 'a mapping';
  if (isScalar(node)) return `\`${excerpt(String(node.value))}\``;
  return 'an unexpected value';
}
