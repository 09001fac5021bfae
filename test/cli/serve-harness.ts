/**
 * Runs `runbook serve` in-process on a free port of 127.0.0.1 and talks to it: through `http.request`
 * for ordinary requests, and through a raw socket for request-targets and `Host` headers that a
 * well-behaved client would refuse to send.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Io } from '../../src/io/io.js';

export const RUNBOOK = (title: string): string =>
  `---\ntitle: ${title}\nowner: platform\nservice: volumes\nseverity: low\nlast_tested: 2026-11-01\nalerts: [DiskFull]\n---\n## Summary\nx\n## Impact\nx\n## Diagnosis\nx\n## Recovery\n1. Delete old logs.\n`;

export interface Running {
  readonly base: string;
  readonly port: number;
  readonly stderr: () => string;
  readonly stop: () => Promise<number>;
}

export interface Response {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

const folders: string[] = [];

/** Removes the folders made by `tempFolder` (call it in `afterEach`). */
export function removeTempFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}

/** A new empty temporary folder, removed by `removeTempFolders`. */
export function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-serve-'));
  folders.push(folder);
  return folder;
}

/** A project with one runbook, `runbooks/disk-full.md`, and a config whose root is `runbooks`. */
export function project(): string {
  const folder = tempFolder();
  mkdirSync(join(folder, 'runbooks'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk full'));
  return folder;
}

/** Planted beside the project and inside it: no response may ever hold it. */
export const SENTINEL = 'SENTINEL-f00d-outside-the-site';

/**
 * `outer/project` with one runbook, and a sentinel file in `outer`, in the project, in its runbooks
 * folder and in a stale `site/` build: the files a path traversal would reach.
 */
export function projectWithSentinels(): string {
  const outer = tempFolder();
  const folder = join(outer, 'project');
  mkdirSync(join(folder, 'runbooks'), { recursive: true });
  mkdirSync(join(folder, 'site'));
  writeFileSync(join(folder, 'runbook.config.yaml'), 'root: runbooks\n');
  writeFileSync(join(folder, 'runbooks', 'disk-full.md'), RUNBOOK('Disk full'));
  for (const place of [outer, folder, join(folder, 'runbooks'), join(folder, 'site')]) writeFileSync(join(place, 'sentinel.txt'), SENTINEL);
  writeFileSync(join(folder, 'site', 'index.html'), SENTINEL);
  return folder;
}

/** A `Location` a browser reads as a path on this server: one leading `/`, then not `/` or `\`. */
export function expectSameSiteLocation(response: Response): void {
  const location = response.headers.location;
  if (location === undefined) return;
  expect(typeof location).toBe('string');
  expect(String(location)).toMatch(/^\/(?![/\\])/);
}

/** Starts `runbook serve --port 0 --no-git ...args` in `folder` and waits until it listens. */
export async function serve(folder: string, args: readonly string[] = []): Promise<Running> {
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
  const exit = main(['serve', '--port', '0', '--no-git', ...args], io);
  for (let i = 0; i < 200 && !/serving http/.test(stderr); i++) await sleep(25);
  const match = /serving (http:\/\/[^/]+:(\d+)\/)/.exec(stderr);
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`serve did not start: ${stderr}`);
  return { base: match[1], port: Number(match[2]), stderr: () => stderr, stop: async () => { controller.abort(); return exit; } };
}

/**
 * One server for the whole test file: started in `beforeAll` in the project `makeProject` returns,
 * stopped (exit code 0 expected) and its folders removed in `afterAll`. Call at the top of the file.
 */
export function servedThroughout(makeProject: () => string): () => Running {
  let running: Running | undefined;
  beforeAll(async () => {
    running = await serve(makeProject());
  });
  afterAll(async () => {
    if (running !== undefined) expect(await running.stop()).toBe(0);
    removeTempFolders();
  });
  return () => {
    if (running === undefined) throw new Error('the server starts in beforeAll: call this inside a test');
    return running;
  };
}

/** GET `url` with `http.request`; fails when no answer comes within 5 s. */
export function get(url: string, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, timeout: 5000 }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    req.on('timeout', () => req.destroy(new Error(`no answer to GET ${url} within 5 s`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * Sends `GET <target> HTTP/1.1` byte for byte (latin1) to 127.0.0.1:`port` and reads the response
 * until the server closes the connection or 5 s pass.
 */
export function rawGet(port: number, target: string, host = `127.0.0.1:${port}`): Promise<Response> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => {
      socket.destroy(new Error(`no answer to \`GET ${target}\` within 5 s`));
    });
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      resolve(parseResponse(Buffer.concat(chunks).toString('latin1')));
    });
    socket.end(Buffer.from(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`, 'latin1'));
  });
}

function parseResponse(text: string): Response {
  const split = text.indexOf('\r\n\r\n');
  const head = split === -1 ? text : text.slice(0, split);
  const [statusLine = '', ...lines] = head.split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon !== -1) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(/^HTTP\/1\.1 (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, body: split === -1 ? '' : text.slice(split + 4) };
}

/** Resolves with the first `reload` event the server sends. */
export function nextReload(url: string): Promise<void> {
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

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
