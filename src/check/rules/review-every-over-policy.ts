import { formatDuration } from '../../model/duration.js';
import { intervalOverPolicy } from '../../model/review.js';
import { finder, type MessageFormats, type Rule } from '../rule.js';

const messages = {
  'review-every-over-policy': (p: { readonly field: string; readonly written: string; readonly severity: string; readonly policy: string }) =>
    `\`${p.field}\` of \`${p.written}\` is longer than the interval of severity \`${p.severity}\` (${p.policy}); the runbook is due every ${p.policy}`,
} satisfies MessageFormats;

const finding = finder<typeof messages>();

/**
 * review-every-over-policy: a runbook's `review_every` is longer than the review interval of its
 * severity. The severity's interval is the team's policy and a ceiling: without this rule a runbook
 * could opt out of staleness with `review_every: 9999y`. The status already uses the shorter interval;
 * this rule says so where the longer one is written.
 */
export const reviewEveryOverPolicy: Rule = {
  id: 'review-every-over-policy',
  scope: 'runbook',
  category: 'staleness',
  defaultSeverity: 'error',
  summary: '`review_every` is longer than the review interval of the runbook\'s severity.',
  why: 'The severities\' intervals are the policy for how often recovery steps are tested; a runbook may ask for more frequent reviews, never fewer (`review_every: 9999y` would keep it fresh forever).',
  fix: 'Write a `review_every` no longer than the severity\'s interval, or leave it out; change the interval of the severity in the config if the policy itself is wrong.',
  examples: {
    ok: '---\nseverity: critical\nreview_every: 30d\nlast_tested: 2026-11-01\n---\n',
    notOk: '---\nseverity: critical\nreview_every: 9999y\nlast_tested: 2026-11-01\n---\n',
    reported: [{ at: '3:15' }],
  },
  messages,
  check(runbook, context) {
    const start = runbook.lastTested.kind === 'given' && runbook.lastTested.value.kind === 'on' ? runbook.lastTested.value.date : context.today;
    const over = intervalOverPolicy(runbook, start);
    if (over === undefined) return [];
    const written = formatDuration(over.given);
    const policy = formatDuration(over.policy);
    return [
      finding('review-every-over-policy', { field: context.config.fields.review_every, written, severity: over.severity, policy }, {
        file: runbook.file,
        span: over.span,
        subject: '',
        actual: written,
        expected: `at most ${policy} (severity \`${over.severity}\`)`,
      }),
    ];
  },
};
