/**
 * The fingerprint of a diagnostic: how GitLab Code Quality and SARIF dashboards tell a problem
 * already known on the target branch from a new one. It is the SHA-256 of the rule id, the path, the
 * subject (what the problem is about: a key, an alert, a link) and an occurrence counter among
 * diagnostics with that same triple, in report order. The message is left out, since it may carry
 * today's count of days overdue (a runbook that stays stale keeps its fingerprint from one day to the
 * next), and so is the line number (inserting lines above a problem does not make it look new); the
 * counter keeps problems with one subject in one file apart.
 */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../model/diagnostic.js';

/** Each diagnostic with its fingerprint (64 hex digits, distinct within the list), in order. */
export function fingerprinted(diagnostics: readonly Diagnostic[]): readonly { readonly diagnostic: Diagnostic; readonly fingerprint: string }[] {
  const seen = new Map<string, number>();
  return diagnostics.map((diagnostic) => {
    // JSON, so no choice of separator can make two different triples collide.
    const triple = JSON.stringify([diagnostic.ruleId, diagnostic.file, diagnostic.subject]);
    const occurrence = seen.get(triple) ?? 0;
    seen.set(triple, occurrence + 1);
    return { diagnostic, fingerprint: createHash('sha256').update(`${triple}\n${String(occurrence)}`).digest('hex') };
  });
}
