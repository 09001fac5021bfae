import { isPair, isScalar, Scalar, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Span } from '../model/diagnostic.js';
import type { FrontmatterProblem } from '../model/runbook.js';

/**
 * Plain (unquoted) values that a ` #` cut short: YAML reads the rest of the line as a comment. Only
 * values left with an unbalanced quote are reported (`run: echo "a #b"` → `echo "a`); a comment after a
 * complete value (`severity: high # was critical`) is fine.
 */
export function commentCuts(document: Document, spanOfNode: (node: YamlNode) => Span): readonly FrontmatterProblem[] {
  const problems: FrontmatterProblem[] = [];
  visit(document, {
    Pair(_key, pair) {
      const value = pair.value;
      if (!isScalar(value) || value.type !== Scalar.PLAIN || value.comment == null || value.comment === '') return;
      const text = typeof value.value === 'string' ? value.value : (value.source ?? '');
      if (!unbalanced(text)) return;
      const key = isPair(pair) && isScalar(pair.key) ? String(pair.key.value) : '?';
      problems.push({ kind: 'cut-by-comment', key, kept: text, comment: value.comment.trim(), span: spanOfNode(value) });
    },
  });
  return problems;
}

function unbalanced(text: string): boolean {
  const count = (quote: string): number => text.split(quote).length - 1;
  return count('"') % 2 === 1 || count("'") % 2 === 1 || count('`') % 2 === 1;
}
