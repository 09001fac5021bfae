/**
 * `runbook serve` against hostile requests: any web page the user visits can make the browser send
 * requests to 127.0.0.1:4173 (`<img src>`), and a local process can send anything at all.
 */
import { describe, expect, it } from 'vitest';
import { locationOf, readRequestTarget } from '../../src/io/request-target.js';
import { SENTINEL, expectSameSiteLocation, get, projectWithSentinels, rawGet, servedThroughout } from '../cli/serve-harness.js';

const running = servedThroughout(projectWithSentinels);

async function expectStillServing(): Promise<void> {
  const home = await get(running().base);
  expect(home.status).toBe(200);
  expect(home.body).toContain('Disk full');
}

describe('serve: malformed request-targets are a 4xx, never the end of the server', () => {
  it('GET /%ff (a malformed percent-encoding an <img> on any web page can send) is a 400 and the server keeps serving', async () => {
    const response = await rawGet(running().port, '/%ff');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toContain('`/%ff`');
    await expectStillServing();
  });

  it.each([
    ['a lone %', '/%'],
    ['a cut escape', '/runbooks/%e2%80'],
    ['an overlong UTF-8 slash', '/%c0%af'],
    ['an encoded NUL', '/index.html%00.css'],
    ['an encoded slash', '/runbooks%2fdisk-full/'],
    ['an encoded backslash', '/%5c%5cevil.example/'],
    ['a raw backslash', '/\\evil.example/'],
    ['an encoded control character', '/%0d%0aSet-Cookie:%20x=1'],
    ['an asterisk target', '*'],
  ])('a request-target with %s is a 400 and the server keeps serving', async (_name, target) => {
    const response = await rawGet(running().port, target);
    expect(response.status).toBe(400);
    expect(response.headers['set-cookie']).toBeUndefined();
    await expectStillServing();
  });

  it('GET // and GET //%00 (which new URL() threw on, killing the server) are answered and the server keeps serving', async () => {
    const root = await rawGet(running().port, '//');
    expect(root.status).toBe(301);
    expect(root.headers.location).toBe('/');
    expect((await rawGet(running().port, '//%00')).status).toBe(400);
    await expectStillServing();
  });

  it('a very long request-target is a 414 (and one past the header limit a 431), and the server keeps serving', async () => {
    expect((await rawGet(running().port, `/${'a'.repeat(3000)}`)).status).toBe(414);
    expect((await rawGet(running().port, `/${'%ff'.repeat(10_000)}`)).status).toBe(431);
    await expectStillServing();
  });
});

describe('serve: path traversal never leaves the site', () => {
  it.each(['/../sentinel.txt', '/../../sentinel.txt', '/%2e%2e/%2e%2e/sentinel.txt', '/runbooks/../../sentinel.txt', '/assets/%2E%2E/%2e./.%2e/sentinel.txt', '/site/index.html', '/sentinel.txt', '/..%2fsentinel.txt', '/..%5csentinel.txt', '/runbooks/disk-full.md'])(
    'GET %s never returns a file from outside the built site',
    async (target) => {
      const response = await rawGet(running().port, target);
      expect(response.body).not.toContain(SENTINEL);
      expect([301, 400, 404]).toContain(response.status);
      expectSameSiteLocation(response);
      if (response.status === 301) {
        const followed = await rawGet(running().port, String(response.headers.location));
        expect(followed.body).not.toContain(SENTINEL);
        expect(followed.status).toBe(404);
      }
    },
  );

  it('dot segments resolve inside the site, never above its root', async () => {
    const response = await rawGet(running().port, '/../../runbooks/./disk-full/');
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe('/runbooks/disk-full/');
  });
});

describe('serve: redirects stay on this server (no open redirect)', () => {
  it.each([
    ['/.//teams', '/teams/'],
    ['//teams', '/teams/'],
    ['///evil.example/', '/evil.example/'],
    ['/.//evil.example', '/evil.example'],
    ['/./', '/'],
    ['/alerts//DiskFull?x=1', '/alerts/DiskFull/?x=1'],
  ])('GET %s redirects to %s on this server, never to a protocol-relative //… URL', async (target, location) => {
    const response = await rawGet(running().port, target);
    expect(response.status).toBe(301);
    expect(response.headers.location).toBe(location);
    expectSameSiteLocation(response);
  });

  it('a folder without its slash still redirects to it, and the folder page is served', async () => {
    const response = await rawGet(running().port, '/teams');
    expect(response.headers.location).toBe('/teams/');
    expect((await rawGet(running().port, '/teams/')).status).toBe(200);
  });
});

describe('readRequestTarget and locationOf', () => {
  it('reads a target into decoded segments and builds a Location that starts with one slash', () => {
    expect(readRequestTarget('/teams/a%20b/?q=1')).toEqual({ kind: 'path', segments: ['teams', 'a b'], folder: true, query: 'q=1', normal: true });
    expect(readRequestTarget('/..//x')).toEqual({ kind: 'path', segments: ['x'], folder: false, query: '', normal: false });
    expect(locationOf(['', 'evil.example'].filter(Boolean), true, '')).toBe('/evil.example/');
    expect(locationOf(['a b', '#?'], false, 'q=\r\n')).toBe('/a%20b/%23%3F');
    expect(locationOf([], true, '')).toBe('/');
  });
});
