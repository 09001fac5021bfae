/**
 * Cross-site script inclusion and clickjacking against `serve`, at the HTTP level: every response
 * carries `Cross-Origin-Resource-Policy: same-origin` and forbids framing, and a request another
 * origin's page makes (Fetch Metadata `cross-site` or `same-site`) is refused unless it is a
 * top-level navigation. test/browser/serve-cross-origin.test.ts runs the attacks in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { crossOriginProblem } from '../../src/io/cross-origin.js';
import { get, project, rawGet, servedThroughout, type Response } from '../cli/serve-harness.js';

const running = servedThroughout(project);

function expectNoForeignUse(response: Response): void {
  expect(response.headers['cross-origin-resource-policy']).toBe('same-origin');
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['content-security-policy']).toBe("frame-ancestors 'none'");
}

const SCRIPT = { 'sec-fetch-mode': 'no-cors', 'sec-fetch-dest': 'script' };

describe('serve: cross-site script inclusion (XSSI) and clickjacking', () => {
  it.each(['search/manifest.js', 'search/docs-0.js', '', 'runbooks/disk-full/', 'no/such/page', 'runbooks', 'assets/search.js'])(
    'the response for `/%s` may be used by the site itself only',
    async (path) => {
      expectNoForeignUse(await get(`${running().base}${path}`));
    },
  );

  it.each(['/%ff', '/' + 'a'.repeat(3000)])('a refused request-target (`%s`) is answered with the same headers', async (target) => {
    expectNoForeignUse(await rawGet(running().port, target));
  });

  it('a refused Host (DNS rebinding) is answered with the same headers', async () => {
    expectNoForeignUse(await rawGet(running().port, '/', 'evil.example'));
  });

  it.each(['cross-site', 'same-site'])('cross-site script inclusion: a script include of the search index from a `%s` page is a 403 without the index', async (site) => {
    const response = await get(`${running().base}search/manifest.js`, { ...SCRIPT, 'sec-fetch-site': site });
    expect(response.status).toBe(403);
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.body).toContain(`\`${site}\``);
    expect(response.body).not.toContain('runbookSearch');
    expectNoForeignUse(response);
  });

  it('clickjacking: the site in another page\'s iframe is a 403', async () => {
    const response = await get(running().base, { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'iframe' });
    expect(response.status).toBe(403);
    expect(response.body).not.toContain('Disk full');
  });

  it('another origin cannot listen to the live-reload event stream', async () => {
    const response = await get(`${running().base}__runbook/events`, { 'sec-fetch-site': 'same-site', 'sec-fetch-mode': 'cors', 'sec-fetch-dest': 'empty' });
    expect(response.status).toBe(403);
  });

  it.each([
    ['the site\'s own script', { ...SCRIPT, 'sec-fetch-site': 'same-origin' }],
    ['an address the user typed', { 'sec-fetch-site': 'none', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
    ['a link from another site (a top-level navigation)', { 'sec-fetch-site': 'cross-site', 'sec-fetch-mode': 'navigate', 'sec-fetch-dest': 'document' }],
    ['a client without Fetch Metadata (curl)', {}],
  ])('%s is answered', async (_name, headers) => {
    const response = await get(`${running().base}runbooks/disk-full/`, headers);
    expect(response.status).toBe(200);
    expect(response.body).toContain('Disk full');
  });
});

describe('crossOriginProblem', () => {
  it('refuses an unknown Sec-Fetch-Site value from a sub-resource, quoting it', () => {
    expect(crossOriginProblem({ site: 'other-planet', mode: 'no-cors', dest: 'script' })).toContain('`other-planet`');
  });

  it('refuses a cross-site navigation that is not of the top-level document (an iframe, an embed)', () => {
    expect(crossOriginProblem({ site: 'cross-site', mode: 'navigate', dest: 'iframe' })).toContain('`iframe`');
    expect(crossOriginProblem({ site: 'cross-site', mode: 'navigate', dest: 'embed' })).toBeDefined();
  });
});
