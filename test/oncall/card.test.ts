import { describe, expect, it } from 'vitest';
import { palette } from '../../src/report/ansi.js';
import { cardOf, type Card } from '../../src/oncall/card.js';
import { cardJson } from '../../src/oncall/card-json.js';
import { cardText, statusSentence } from '../../src/oncall/card-text.js';
import { collectionView } from '../../src/view/collection-view.js';
import { columns } from '../../src/text/wrap.js';
import { parseConfig } from '../../src/parse/config.js';
import { runbookOf, TODAY } from '../helpers.js';

const CONFIG = parseConfig(
  [
    'teams:',
    '  data:',
    '    name: Data',
    '    chat: "#data-oncall"',
    '    escalation:',
    '      - {name: Data on-call, via: pager, target: data-primary}',
    'severities:',
    '  - {id: high, review_every: 3 months}',
    'site: {base_url: "https://runbooks.example.com/docs"}',
  ].join('\n'),
  '/collection/runbook.config.yaml',
);

/** A runbook of team `data`, with `extra` frontmatter lines. */
function runbookText(lastTested: string, extra: readonly string[] = []): string {
  return ['---', 'title: Orders database down', 'owner: data', 'service: orders-db', 'severity: high', `last_tested: ${lastTested}`, ...extra, '---', '# Orders database down', ''].join('\n');
}

const LONG_COMMAND = 'kubectl -n orders run pgcheck --rm -it --restart=Never --image=postgres:16 -- pg_isready -h orders-db-primary.internal.example.com';

function cardFor(text: string): Card {
  const runbook = runbookOf(text, CONFIG);
  const [view] = collectionView([runbook], [], CONFIG, TODAY, { kind: 'none' }).runbooks;
  if (view === undefined) throw new Error('no view');
  return cardOf(view);
}

const STEPS = [
  'recovery:',
  '  - step: Check from inside the cluster whether the primary really is down, and not only unreachable from your laptop over the VPN',
  `    run: ${LONG_COMMAND}`,
  '    expect: "no response, or: rejecting connections, from orders-db-primary.internal.example.com port 5432"',
  '  - step: Fail over',
  '    run: |',
  '      patronictl failover',
  '      patronictl list',
];

describe('cardOf', () => {
  it('takes the escalation contacts and chat channel from the owning team', () => {
    const card = cardFor(runbookText('2026-10-01'));
    expect(card.owner).toEqual({ id: 'data', name: 'Data', chat: '#data-oncall' });
    expect(card.escalation).toEqual({ source: 'team', contacts: [{ name: 'Data on-call', via: 'pager', target: 'data-primary' }] });
  });

  it("prefers the runbook's own escalation contacts to the team's", () => {
    const card = cardFor(runbookText('2026-10-01', ['escalation:', '  - {name: DBA, via: phone, target: "+44 20 7946 0000"}']));
    expect(card.escalation).toEqual({ source: 'runbook', contacts: [{ name: 'DBA', via: 'phone', target: '+44 20 7946 0000' }] });
  });

  it('gives the absolute site URL of the runbook page when the config has a base URL', () => {
    expect(cardFor(runbookText('2026-10-01')).url).toBe('https://runbooks.example.com/docs/runbooks/example/');
  });

  it('computes the due date from the severity interval', () => {
    expect(cardFor(runbookText('2026-10-01')).review).toEqual({ kind: 'tested', lastTested: '2026-10-01', due: '2027-01-01', daysLeft: 35, interval: '3 months' });
    expect(cardFor(runbookText('never')).review).toEqual({ kind: 'never-tested' });
  });
});

describe('cardText', () => {
  const plain = palette(false);

  it('flags a stale runbook with how long ago it was due', () => {
    const text = cardText(cardFor(runbookText('2026-01-01')), plain);
    expect(text).toContain('Status    Stale: last tested 2026-01-01, was due 2026-04-01 (240 days ago); the\n          steps may no longer work\n');
  });

  it('numbers the steps and prints each command line whole, indented under its step', () => {
    const text = cardText(cardFor(runbookText('2026-10-01', STEPS)), plain);
    expect(text).toContain(`\n  1. Check from inside the cluster whether the primary really is down, and not\n     only unreachable from your laptop over the VPN\n       ${LONG_COMMAND}\n       expect: no response, or: rejecting connections, from\n               orders-db-primary.internal.example.com port 5432\n`);
    expect(text).toContain('\n  2. Fail over\n       patronictl failover\n       patronictl list\n');
  });

  it('keeps every line within 80 columns except command lines', () => {
    const text = cardText(cardFor(runbookText('2026-10-01', STEPS)), plain);
    const long = text.split('\n').filter((line) => columns(line) > 80);
    expect(long).toEqual([`       ${LONG_COMMAND}`]);
  });

  it('writes no escape codes without colour, and some with it', () => {
    const card = cardFor(runbookText('2026-10-01', STEPS));
    expect(cardText(card, plain)).not.toContain('\u001b');
    expect(cardText(card, palette(true))).toContain('\u001b[');
  });

  it('colours only whole words, so the layout is the same with colour', () => {
    const card = cardFor(runbookText('2026-01-01', STEPS));
    const escapeCode = new RegExp(`${String.fromCharCode(27)}\\[\\d+m`, 'g');
    const stripped = cardText(card, palette(true)).replace(escapeCode, '');
    expect(stripped).toBe(cardText(card, plain));
  });

  it('says so when nobody is listed to escalate to, and there are no steps', () => {
    const text = cardText(cardFor(['---', 'title: Orphan', 'owner: nobody', 'last_tested: 2026-10-01', '---', ''].join('\n')), plain);
    expect(text).toContain('\nOwner     nobody\nEscalate  nobody listed\n');
    expect(text).toContain('\nRecovery\n  No recovery steps are written down: escalate.\n');
  });

  it('shows control characters from the file as visible escapes', () => {
    const text = cardText(cardFor(runbookText('2026-10-01', ['recovery:', '  - step: "Ring \\u0007 the bell"', '    run: "echo \\u001b[2J"'])), plain);
    expect(text).toContain('Ring \\u0007 the bell');
    expect(text).toContain('echo \\u001b[2J');
    expect(text).not.toContain('\u001b');
  });
});

describe('statusSentence', () => {
  it('says when the next review is due, today included', () => {
    expect(statusSentence({ kind: 'tested', lastTested: '2026-08-27', due: '2026-11-27', daysLeft: 0, interval: '3 months' }, 'due-soon')).toBe('last tested 2026-08-27, next due 2026-11-27 (today)');
    expect(statusSentence({ kind: 'tested', lastTested: '2026-08-28', due: '2026-11-28', daysLeft: 1, interval: '3 months' }, 'due-soon')).toBe('last tested 2026-08-28, next due 2026-11-28 (in 1 day)');
  });
});

describe('cardJson', () => {
  it('writes absent values as null and never as a missing key', () => {
    const json = cardJson(cardFor(['---', 'title: Bare', 'last_tested: never', '---', ''].join('\n')));
    expect(json.severity).toBeNull();
    expect(json.owner).toBeNull();
    expect(json.status).toEqual({ kind: 'never-tested', label: 'Never tested', last_tested: 'never', due: null, days_left: null, review_every: null, problems: 0 });
    expect(Object.keys(json)).toEqual(['id', 'title', 'file', 'url', 'severity', 'service', 'owner', 'status', 'alerts', 'escalation', 'steps', 'links', 'recovery_prose', 'body']);
    expect(json.recovery_prose).toBeNull();
    expect(json.body).toBeNull();
  });
});
