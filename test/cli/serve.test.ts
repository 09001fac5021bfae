import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';

const RUNBOOK = (title: string) =>
  `---\ntitle: ${title}\nowner: platform\nservice: volumes\nseverity: low\nlast_tested: 2026-11-01\nalerts: [DiskFull]\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Delete old logs.\n`;

interface Running {
  readonly base: string;
  readonly stderr: () => string;
  readonly stop: () => Promise<number>;
}

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

async function serve(folder: string): Promise<Running> {
  let stderr = '';
  const controller = new AbortController();
  const io: Io = {
    cwd: folder,
    env: {},
    stdout: { write: () => undefined, isTTY: false },
    stderr: { write: (text) => { stderr += text; }, isTTY: false },
    now: () => new Date('2026-11-27T12:00:00Z'),
    stopSignal: () => controller.signal,
  };
  const exit = main(['serve', '--port', '0', '--no-git'], io);
  for (let i = 0; i < 200 && !/serving http/.test(stderr); i++) await sleep(25);
  const match = /serving (http:\/\/[^/]+\/)/.exec(stderr);
  if (match?.[1] === undefined) throw new Error(`serve did not start: ${stderr}`);
  return { base: match[1], stderr: () => stderr, stop: async () => { controller.abort(); return exit; } };
}

function get(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
      });
    })
      .on('error', reject)
      .end();
  });
}

/** Resolves with the first `reload` event the server sends. */
function nextReload(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(url, (response) => {
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        if (chunk.includes('event: reload')) {
          req.destroy();
          resolve();
        }
      });
    });
    req.on('error', (error) => {
      if ((error as { code?: string }).code !== 'ECONNRESET') reject(error);
    });
    req.end();
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-serve-'));
  folders.push(folder);
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk full'));
  return folder;
}

describe('runbook serve', () => {
  it('serves the site, its alert pages and a 404 page, and stops cleanly', async () => {
    const running = await serve(project());
    try {
      expect((await get(running.base)).body).toContain('Disk full');
      expect((await get(`${running.base}alerts/DiskFull/`)).body).toContain('http-equiv="refresh"');
      expect((await get(`${running.base}alerts/DiskFull`)).status).toBe(301);
      const missing = await get(`${running.base}alerts/Nope/`);
      expect(missing.status).toBe(404);
      expect(missing.body).toContain('No runbook at this address');
    } finally {
      expect(await running.stop()).toBe(0);
    }
  });

  it('rebuilds on a change and tells open pages to reload', async () => {
    const folder = project();
    const running = await serve(folder);
    try {
      const reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk completely full'));
      await reloaded;
      expect((await get(`${running.base}runbooks/disk-full/index.html`)).body).toContain('Disk completely full');
    } finally {
      await running.stop();
    }
  });

  it('never dies from bad input: a broken runbook shows its problems, a broken config an error page', async () => {
    const folder = project();
    const running = await serve(folder);
    try {
      let reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbooks', 'disk-full.md'), '---\ntitle: [broken\n---\n# Disk full\n');
      await reloaded;
      const page = await get(`${running.base}runbooks/disk-full/index.html`);
      expect(page.body).toContain('yaml-syntax');
      reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\nseverities: nope\n');
      await reloaded;
      const failed = await get(running.base);
      expect(failed.status).toBe(500);
      expect(failed.body).toContain('severities');
      reloaded = nextReload(`${running.base}__runbook/events`);
      await sleep(100);
      writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
      await reloaded;
      expect((await get(running.base)).status).toBe(200);
    } finally {
      await running.stop();
    }
  });
});
