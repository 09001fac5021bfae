import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { runCli } from '../cli/run-cli.js';
import { PROJECT_ROOT } from '../shared.js';

/** `runbook due --format slack`: the Block Kit payload a nightly job posts to an incoming webhook. */
const FIXTURE = join(PROJECT_ROOT, 'test', 'fixtures', 'due');

/** The subset of Block Kit the payload uses, with Slack's limits (api.slack.com/reference/block-kit). */
const mrkdwn = z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(3000) });
const BLOCK_KIT_MESSAGE = z.strictObject({
  text: z.string().min(1).max(40_000),
  blocks: z
    .array(
      z.discriminatedUnion('type', [
        z.strictObject({ type: z.literal('header'), text: z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(150), emoji: z.boolean() }) }),
        z.strictObject({ type: z.literal('section'), text: mrkdwn }),
        z.strictObject({ type: z.literal('context'), elements: z.array(mrkdwn).min(1).max(10) }),
      ]),
    )
    .min(1)
    .max(50),
});

type Message = z.infer<typeof BLOCK_KIT_MESSAGE>;

async function payload(cwd: string, ...argv: string[]): Promise<Message> {
  const result = await runCli(['due', '--format', 'slack', '--today', '2026-12-05', ...argv], cwd);
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  return BLOCK_KIT_MESSAGE.parse(JSON.parse(result.stdout));
}

/** Every mrkdwn text of a message. */
function texts(message: Message): readonly string[] {
  return [message.text, ...message.blocks.flatMap((block) => (block.type === 'section' ? [block.text.text] : block.type === 'context' ? block.elements.map((element) => element.text) : []))];
}

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('runbook due --format slack', () => {
  it('is a header, a section per team and a context line', async () => {
    const message = await payload(FIXTURE);
    expect(message.text).toBe('5 runbooks due by 2027-01-04: 1 overdue, 1 never tested, 3 due');
    expect(message.blocks.map((block) => block.type)).toEqual(['header', 'section', 'section', 'section', 'section', 'context']);
    expect(message.blocks[1]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text:
          '*Data* (data)\n' +
          '• *<https://runbooks.example.com/runbooks/database/primary-down/|Primary database down>* database/primary-down · critical · *34 days overdue* (due 2026-11-01, last tested 2026-08-01)\n' +
          '• *<https://runbooks.example.com/runbooks/queues/backlog/|Queue backlog growing>* queues/backlog · high · due in 15 days (due 2026-12-20, last tested 2026-11-20)',
      },
    });
  });

  it('lets no runbook text make a link, a mention or a new line', async () => {
    const message = await payload(FIXTURE, '--team', 'payments');
    const [section] = message.blocks.filter((block) => block.type === 'section');
    expect(section?.type === 'section' ? section.text.text : '').toBe(
      '*Payments* (payments)\n' +
        '• *<https://runbooks.example.com/runbooks/payments/hostile/|Evil, title; x\\y &lt;!channel&gt; &lt;http://evil.example|click&gt; | pipe *bold* @\u2060here BEGIN:VEVENT UID:x \u001b[31mred>* payments/hostile · high · due in 5 days (due 2026-12-10, last tested 2026-11-10)',
    );
    for (const text of texts(message)) {
      expect(text).not.toMatch(/<!|<http:\/\/evil|@here/);
    }
  });

  it('keeps to Block Kit limits on a large collection: 50 blocks, 3000 characters a section, …and N more', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'runbook-due-slack-'));
    folders.push(folder);
    const runbook = (owner: string, title: string): string =>
      `---\ntitle: ${JSON.stringify(title)}\nowner: ${owner}\nseverity: low\nreview_every: 30d\nlast_tested: 2026-11-20\n---\n# x\n`;
    for (let team = 0; team < 60; team++) {
      mkdirSync(join(folder, `t${team}`));
      writeFileSync(join(folder, `t${team}`, 'a.md'), runbook(`team-${String(team).padStart(2, '0')}`, 'A runbook'));
    }
    mkdirSync(join(folder, 'big'));
    for (let index = 0; index < 40; index++) writeFileSync(join(folder, 'big', `r${index}.md`), runbook('aaa-big', `${'Long & <title> '.repeat(30)}${index}`));
    const message = await payload(folder);
    expect(message.blocks).toHaveLength(50);
    const sections = message.blocks.flatMap((block) => (block.type === 'section' ? [block.text.text] : []));
    expect(sections[0]).toMatch(/\n…and \d+ more$/);
    expect(sections.at(-1)).toBe('…and 14 more teams (14 runbooks)');
    // 47 teams shown, 14 left out: 61 in all.
    expect(sections.slice(0, -1)).toHaveLength(47);
  });
});
