import { describe, expect, it } from 'vitest';
import { textInline } from '../../src/model/prose.js';
import type { Card, CardStep } from '../../src/oncall/card.js';
import { palette } from '../../src/report/ansi.js';
import { drillWidth, type DrillLayout } from '../../src/oncall/drill-screen.js';
import { advance, confirms, outcomeOf, parseAnswer, promptOf, startSession, type DrillPlan, type DrillSession, type SessionInput } from '../../src/oncall/drill-session.js';
import { columns } from '../../src/text/wrap.js';

/** The session logic of `runbook drill`, without a terminal: answers in, screens and the record out. */

function step(text: string, run?: string, expect?: string): CardStep {
  return { text, textInlines: textInline(text), run, expect, expectInlines: expect === undefined ? undefined : textInline(expect) };
}

function card(steps: readonly CardStep[], title = 'Primary database down'): Card {
  return {
    id: 'database/primary-down',
    title,
    file: 'database/primary-down.md',
    url: 'database/primary-down.md',
    severity: 'high',
    service: undefined,
    owner: { id: 'data', name: 'Data team' } as Card['owner'],
    status: 'fresh',
    statusLabel: 'Fresh',
    review: { kind: 'tested', lastTested: '2026-11-01', due: '2027-01-30', daysLeft: 56, interval: '90 days' },
    problems: 0,
    alerts: ['PostgresPrimaryDown'],
    escalation: { source: 'none', contacts: [] },
    steps,
    prose: undefined,
    links: [],
  };
}

const STEPS = [step('Fail over to the replica.', 'touch one', 'the replica is promoted'), step('Point the application at it.', 'touch two; exit 3'), step('Tell the channel.')];

function plan(overrides: Partial<DrillPlan> = {}): DrillPlan {
  return { card: card(STEPS), runbookCommit: '1a2b3c4', environment: 'staging', operator: 'Ada', exec: undefined, ...overrides };
}

const PLAIN: DrillLayout = { width: 80, style: { palette: palette(false), color: false } };

/** A clock starting at 01:02:03Z that moves `step` seconds at each call. */
function clock(step = 30): () => Date {
  let time = Date.parse('2026-12-05T01:02:03Z');
  return () => {
    const now = new Date(time);
    time += step * 1000;
    return now;
  };
}

/** Runs a session through `inputs` (strings are lines) and returns the last session and all the text shown. */
function run(inputs: readonly (SessionInput | string)[], options: { plan?: DrillPlan; layout?: DrillLayout; step?: number } = {}): { session: DrillSession; screen: string } {
  const now = clock(options.step);
  let { session, screen } = startSession(options.plan ?? plan(), options.layout ?? PLAIN, now());
  for (const input of inputs) {
    const next = advance(session, typeof input === 'string' ? { kind: 'line', text: input } : input, now());
    session = next.session;
    screen += next.screen;
  }
  return { session, screen };
}

function recordOf(session: DrillSession) {
  if (session.kind !== 'ended') throw new Error(`the drill did not end (waiting for ${session.waiting})`);
  return session.record;
}

describe('parseAnswer', () => {
  it('reads each key and its word, in any case', () => {
    expect(['d', 'D', 'done', ' d '].map((line) => parseAnswer(line).kind)).toEqual(['done', 'done', 'done', 'done']);
    expect(['f', 'failed', 's', 'skip', 'q', 'stop', '?', 'help', ''].map((line) => parseAnswer(line).kind)).toEqual(['failed', 'failed', 'skip', 'skip', 'stop', 'stop', 'help', 'help', 'empty']);
    expect(parseAnswer('x')).toEqual({ kind: 'unknown', text: 'x' });
    expect(parseAnswer('dd')).toEqual({ kind: 'unknown', text: 'dd' });
  });

  it('reads a note with its text on the line, or alone', () => {
    expect(parseAnswer('n replica lag 40 s')).toEqual({ kind: 'note', text: 'replica lag 40 s' });
    expect(parseAnswer('n')).toEqual({ kind: 'note', text: undefined });
    expect(parseAnswer('note  slow ')).toEqual({ kind: 'note', text: 'slow' });
  });

  it('runs a command only on y or yes', () => {
    expect(['y', 'Y', 'yes', ' YES '].every(confirms)).toBe(true);
    expect(['', 'n', 'no', 'yy', 'sure', 'd'].some(confirms)).toBe(false);
  });
});

describe('a drill session', () => {
  it('records every step done as recovered, timed by the clock, with the time to recover', () => {
    const record = recordOf(run(['d', 'd', 'd']).session);
    expect(record).toEqual({
      runbook: 'database/primary-down',
      runbookCommit: '1a2b3c4',
      environment: 'staging',
      operator: 'Ada',
      started: '2026-12-05T01:02:03Z',
      ended: '2026-12-05T01:03:33Z',
      outcome: 'recovered',
      timeToRecoverSeconds: 90,
      steps: [
        { number: 1, text: 'Fail over to the replica.', status: 'done', durationSeconds: 30, note: undefined, exitCode: undefined, outputTail: [] },
        { number: 2, text: 'Point the application at it.', status: 'done', durationSeconds: 30, note: undefined, exitCode: undefined, outputTail: [] },
        { number: 3, text: 'Tell the channel.', status: 'done', durationSeconds: 30, note: undefined, exitCode: undefined, outputTail: [] },
      ],
    });
  });

  it('counts the time of notes, help and unknown answers in the step they were given on', () => {
    const record = recordOf(run(['n slow', '?', 'x', 'n', 'very slow', 'd', 's', 'd']).session);
    expect(record.steps.map((each) => [each.status, each.durationSeconds, each.note])).toEqual([
      ['done', 180, 'slow; very slow'],
      ['skipped', 30, undefined],
      ['done', 30, undefined],
    ]);
    expect(record.outcome).toBe('recovered');
    expect(record.timeToRecoverSeconds).toBe(240);
  });

  it('is failed when a step failed, with no time to recover', () => {
    const record = recordOf(run(['d', 'f', 'd']).session);
    expect(record.outcome).toBe('failed');
    expect(record.timeToRecoverSeconds).toBeUndefined();
    expect(record.steps.map((each) => each.status)).toEqual(['done', 'failed', 'done']);
  });

  it('a skipped step does not fail the drill', () => {
    expect(recordOf(run(['s', 's', 'd']).session).outcome).toBe('recovered');
  });

  it('stopping keeps the partial drill as aborted: the current step keeps its note, the rest are not reached', () => {
    const { session, screen } = run(['d', 'n stuck on DNS', 'q']);
    const record = recordOf(session);
    expect(record.outcome).toBe('aborted');
    expect(record.ended).toBe('2026-12-05T01:03:33Z');
    expect(record.steps.map((each) => [each.status, each.durationSeconds, each.note])).toEqual([
      ['done', 30, undefined],
      ['not-reached', 0, 'stuck on DNS'],
      ['not-reached', 0, undefined],
    ]);
    expect(screen).toContain('Stopped.\n\nAborted: 1 of 3 steps answered, after 1 min 30 s.\n');
  });

  it('Ctrl-C at a prompt (or while writing a note) and answers running out abort the drill (fail it when a step failed)', () => {
    expect(recordOf(run(['d', { kind: 'interrupt' }]).session).outcome).toBe('aborted');
    expect(recordOf(run(['d', 'n', { kind: 'interrupt' }]).session).outcome).toBe('aborted');
    expect(recordOf(run(['d', 's', { kind: 'end-of-input' }]).session).outcome).toBe('aborted');
    // A step that failed before the stop makes the drill failed: that is what the drill found.
    const { session, screen } = run(['d', 'f', { kind: 'end-of-input' }]);
    expect(recordOf(session).outcome).toBe('failed');
    expect(screen).toContain('Failed: step 2 failed; stopped after 2 of 3 steps.');
    expect(recordOf(session).steps.map((each) => each.status)).toEqual(['done', 'failed', 'not-reached']);
    expect(screen).toContain('The input ended before the last step.');
  });

  it('the outcome rule: failed when a step failed (stopped after it or not), else aborted when stopped, else recovered (skips count as neither)', () => {
    const steps = (...statuses: readonly ('done' | 'failed' | 'skipped' | 'not-reached')[]) =>
      statuses.map((status, index) => ({ number: index + 1, text: '', status, durationSeconds: 0, note: undefined, exitCode: undefined, outputTail: [] }));
    expect(outcomeOf(steps('done', 'skipped', 'done'), 'finished')).toBe('recovered');
    expect(outcomeOf(steps('skipped', 'skipped'), 'finished')).toBe('recovered');
    expect(outcomeOf(steps('done', 'failed', 'done'), 'finished')).toBe('failed');
    expect(outcomeOf(steps('done', 'failed', 'not-reached'), 'stopped')).toBe('failed');
    expect(outcomeOf(steps('done', 'not-reached', 'not-reached'), 'stopped')).toBe('aborted');
    expect(outcomeOf(steps('done', 'done', 'done'), 'stopped')).toBe('aborted');
  });

  it('ignores input once ended', () => {
    const { session } = run(['d', 'd', 'd']);
    expect(advance(session, { kind: 'line', text: 'f' }, new Date())).toEqual({ session, screen: '' });
  });
});

describe('--exec in a session', () => {
  const exec = plan({ exec: { shell: '/bin/bash' } });

  it('asks before a step with a command, and waits for the command only after y', () => {
    const asked = run([], { plan: exec });
    expect(asked.session.kind === 'running' && asked.session.waiting).toBe('confirm');
    if (asked.session.kind !== 'running') throw new Error('ended');
    expect(promptOf(asked.session)).toBe('Run the command above (1 line, 9 characters) in /bin/bash? [y/N] ');
    const confirmed = run(['y'], { plan: exec });
    expect(confirmed.session.kind === 'running' && confirmed.session.waiting).toBe('run');
    const refused = run([''], { plan: exec });
    expect(refused.session.kind === 'running' && refused.session.waiting).toBe('answer');
    expect(refused.screen).toContain('Not run.');
  });

  it('keeps the exit code and the last lines, and Enter takes the suggested answer (failed on a non-zero exit)', () => {
    const { session, screen } = run(['y', { kind: 'ran', exitCode: 0, tail: ['ok'] }, '', 'y', { kind: 'ran', exitCode: 3, tail: ['no route', 'to host'] }, '', 'd'], { plan: exec });
    const record = recordOf(session);
    expect(record.steps.map((each) => [each.status, each.exitCode, each.outputTail])).toEqual([
      ['done', 0, ['ok']],
      ['failed', 3, ['no route', 'to host']],
      ['done', undefined, []],
    ]);
    expect(record.outcome).toBe('failed');
    expect(screen).toContain('exit code 3: Enter takes f (failed), or answer with a key.');
  });

  it('a step whose command was not confirmed has no exit code; a step without a command is not asked about', () => {
    const { session } = run(['n', 'd'], { plan: exec });
    expect(session.kind === 'running' && session.waiting).toBe('confirm');
    const record = recordOf(run(['n', 'd', 'no', 'd', 'd'], { plan: exec }).session);
    expect(record.steps.map((each) => each.exitCode)).toEqual([undefined, undefined, undefined]);
  });

  /** The screen and the question of a drill with --exec whose one step runs `command`, at `width` columns. */
  function offered(command: string, width = 80): { screen: string; question: string | undefined } {
    const { session, screen } = run([], { plan: plan({ card: card([step('Check the replica.', command, 'no lag')]), exec: { shell: '/bin/sh' } }), layout: { ...PLAIN, width } });
    if (session.kind !== 'running') throw new Error('ended');
    return { screen, question: session.waiting === 'confirm' ? promptOf(session) : undefined };
  }

  it('shows the command to confirm with every character visible, last on screen, its size in the question', () => {
    const padded = offered(`touch /tmp/pwn;${' '.repeat(30)}echo "checking replica lag"`);
    expect(padded.screen).toMatch(/\n {2}expect: no lag\n {4}touch \/tmp\/pwn;␠×30echo "checking replica lag"\n$/);
    expect(padded.question).toBe('Run the command above (1 line, 72 characters) in /bin/sh? [y/N] ');
    const lines = offered('touch /tmp/pwn\t\t\u200b\nsleep\t1  \necho ␠×3 ok\r\n');
    expect(lines.screen).toMatch(/\n {4}touch \/tmp\/pwn␉×2\\u200b↵\n {4}sleep␉1␠×2↵\n {4}echo \\u2420×3 ok\\u000d↵\n {4}\n$/);
    expect(lines.question).toBe('Run the command above (4 lines, 41 characters) in /bin/sh? [y/N] ');
  });

  it('does not offer to run a command too long to check on screen: 12 terminal lines at most', () => {
    const hidden = ['touch /tmp/pwn;' + ' '.repeat(3000) + 'echo "checking replica lag"', 'touch /tmp/pwn;' + '\t'.repeat(3000) + 'echo ok'];
    for (const command of hidden) expect(offered(command).question).toBe('Run the command above (1 line, ' + (command.length.toLocaleString('en-US')) + ' characters) in /bin/sh? [y/N] ');
    const long = offered(`rm -rf /srv/data\n${'echo "checking replica lag"\n'.repeat(300)}`);
    expect(long.question).toBeUndefined();
    expect(long.screen).toContain('--exec: this command is too long to confirm on screen (302 lines, 8,417\ncharacters): run it yourself, or shorten the step.\nd done · f failed');
    expect(offered('x'.repeat(12 * 80 - 4)).question).toBeDefined();
    expect(offered('x'.repeat(12 * 80 - 3)).question).toBeUndefined();
    expect(offered('x'.repeat(12 * 40 - 4), 40).question).toBeDefined();
    expect(offered('x\n'.repeat(11) + 'x').question).toBeDefined();
    expect(offered('x\n'.repeat(12) + 'x').question).toBeUndefined();
  });

  it('without --exec nothing is ever offered to run', () => {
    const { session, screen } = run(['y', 'd', 'd', 'd']);
    expect(screen).not.toContain('[y/N]');
    expect(screen).toContain('Unknown answer `y`');
    expect(recordOf(session).steps.every((each) => each.exitCode === undefined)).toBe(true);
  });
});

describe('what a drill shows', () => {
  it('the header, then each step with its number, time so far, command, what to expect and the keys', () => {
    const { screen } = run(['d']);
    expect(screen).toBe(
      [
        'Drill: Primary database down',
        'database/primary-down · high',
        '',
        'Owner     Data team (data)',
        'Alerts    PostgresPrimaryDown',
        'Tested    last tested 2026-11-01, next due 2027-01-30 (in 56 days)',
        'Where     staging',
        'Operator  Ada',
        '',
        '3 recovery steps, timed. Commands are shown, never run: run them yourself (or',
        'drill with --exec).',
        '',
        'Step 1/3 · 0:00 into the drill',
        '  Fail over to the replica.',
        '    touch one',
        '  expect: the replica is promoted',
        'd done · f failed · s skip · n note · q stop · ? help',
        '',
        'Step 2/3 · 0:30 into the drill',
        '  Point the application at it.',
        '    touch two; exit 3',
        'd done · f failed · s skip · n note · q stop · ? help',
        '',
      ].join('\n'),
    );
  });

  it('prints the outcome and the time to recover', () => {
    expect(run(['d', 'd', 'd']).screen).toMatch(/\n\nRecovered: every step done\. Time to recover: 1 min 30 s\.\n$/);
    expect(run(['d', 'f', 'f']).screen).toMatch(/\n\nFailed: steps 2, 3 failed\. The drill took 1 min 30 s\.\n$/);
  });

  it('wraps prose at 80 and at 40 columns, never a command', () => {
    const long = 'Promote the replica with the tool of the week and then check that every application writes to it again';
    const command = 'kubectl --context production-eu-west-1 -n databases exec -it postgres-1 -- pg_ctl promote';
    const wide = plan({ card: card([step(long, command, long)], `${long} (title)`) });
    for (const width of [80, 40]) {
      const { screen } = run(['?'], { plan: wide, layout: { ...PLAIN, width } });
      const lines = screen.split('\n');
      expect(lines.filter((line) => columns(line) > width)).toEqual([`    ${command}`]);
      expect(lines).toContain(`    ${command}`);
    }
  });

  it('wraps to the terminal, at least 40 columns, 80 when unknown', () => {
    expect([undefined, 0, 20, 40, 100, Number.NaN].map(drillWidth)).toEqual([80, 80, 40, 40, 100, 80]);
  });

  it('shows hostile runbook text with its escape sequences made visible, never raw', () => {
    const hostile = 'Fix \u001b]0;pwned\u0007 it \u001b[2J now \u202e';
    const hostilePlan = plan({ card: card([step(hostile, 'rm \u001b[8m-rf x', hostile)], `Title \u001b[31m`), exec: { shell: '/bin/sh\u001b[0m' } });
    const asked = run([], { plan: hostilePlan }).session;
    if (asked.kind !== 'running') throw new Error('ended');
    expect(promptOf(asked)).toBe('Run the command above (1 line, 12 characters) in /bin/sh\\u001b[0m? [y/N] ');
    expect(run([], { plan: hostilePlan }).screen).toMatch(/\n {4}rm \\u001b\[8m-rf x\n$/);
    const { screen } = run(['x\u001b[31m', 'n \u001b[1mnote', 'y'], { plan: hostilePlan });
    expect(['\u001b', '\u0007', '\u202e'].filter((character) => screen.includes(character))).toEqual([]);
    expect(screen).toContain('\\u001b');
  });

  it('with colour, styles the labels and still shows runbook text made printable', () => {
    const { screen } = run(['d', 'd', 'd'], { layout: { width: 80, style: { palette: palette(true), color: true } } });
    expect(screen).toContain('\u001b[1mStep 1/3\u001b[22m');
    expect(screen).toContain('Recovered');
  });
});
