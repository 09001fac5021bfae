/**
 * DNS rebinding: a hostile page at `evil.example` re-points its name to 127.0.0.1 and reads the
 * local site as its own origin. Its requests still carry `Host: evil.example`, which `serve` refuses.
 */
import { describe, expect, it } from 'vitest';
import { hostProblem } from '../../src/io/host-header.js';
import { project, rawGet, servedThroughout } from '../cli/serve-harness.js';

const running = servedThroughout(project);

describe('serve: the Host header (DNS rebinding)', () => {
  it.each(['evil.example', 'evil.example:4173', 'localhost.evil.example', '127.0.0.1.evil.example', 'localhost:80@evil.example', ''])(
    'a request for Host `%s` (a rebound hostile name) is a 421 with a plain-text explanation',
    async (host) => {
      const response = await rawGet(running().port, '/', host);
      expect(response.status).toBe(421);
      expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(response.body).toContain('DNS rebinding');
      expect(response.body).not.toContain('Disk full');
    },
  );

  it('the live-reload event stream refuses a rebound Host too', async () => {
    const response = await rawGet(running().port, '/__runbook/events', 'evil.example');
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('connected');
  });

  it.each(['localhost', 'LOCALHOST', 'localhost:4173', '127.0.0.1', '127.0.0.1:4173', '127.9.8.7:1', '[::1]', '[::1]:4173'])('a request for the loopback Host `%s` is answered', async (host) => {
    const response = await rawGet(running().port, '/', host);
    expect(response.status).toBe(200);
    expect(response.body).toContain('Disk full');
  });
});

describe('hostProblem', () => {
  it('allows the name the server was bound to with --host, with or without the port', () => {
    expect(hostProblem('devbox.lan:4173', 'devbox.lan')).toBeUndefined();
    expect(hostProblem('DevBox.lan', 'devbox.lan')).toBeUndefined();
    expect(hostProblem('[fe80::1]:4173', 'fe80::1')).toBeUndefined();
    expect(hostProblem('devbox.lan.evil.example', 'devbox.lan')).toContain('`devbox.lan.evil.example`');
  });

  it('allows an IP address (a server bound to 0.0.0.0 is opened by its LAN address), which DNS cannot rebind', () => {
    expect(hostProblem('192.168.1.20:4173', '0.0.0.0')).toBeUndefined();
    expect(hostProblem('192.168.1.20.nip.io:4173', '0.0.0.0')).toContain('DNS rebinding');
  });
});
