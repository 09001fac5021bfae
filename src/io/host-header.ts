/**
 * Which `Host` headers `serve` answers. Against DNS rebinding: a hostile page at `evil.example`
 * re-points its name to 127.0.0.1 and then reads the local site as its own origin; its requests
 * still say `Host: evil.example`. Only a name in DNS can be rebound, so the server answers a host
 * that is `localhost`, an IP address (`127.0.0.1`, `[::1]`, or the LAN address of a server bound to
 * `0.0.0.0`), or the name the user bound it to with `--host`, with any port or none.
 */
import { isIP } from 'node:net';

/** Why a `Host` header is refused, or undefined when the server may answer it. */
export function hostProblem(host: string | undefined, bound: string): string | undefined {
  // HTTP/1.1 clients must send Host (Node answers 400 without it); a browser always does.
  if (host === undefined) return undefined;
  const name = hostnameOf(host.toLowerCase());
  const boundName = bound.toLowerCase();
  if (name !== undefined && (name === 'localhost' || isIpLiteral(name) || name === boundName || name === `[${boundName}]`)) return undefined;
  return (
    `runbook serve answers only requests for localhost, an IP address or \`${bound}\`; this one was for \`${host.slice(0, 200)}\`.\n` +
    'A web page may be trying to read the site through DNS rebinding. Open the address `runbook serve` printed instead.\n'
  );
}

/** The host name of a `Host` value (`name`, `name:port`, `[v6]`, `[v6]:port`), or undefined when it is malformed. */
function hostnameOf(host: string): string | undefined {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::\d{0,5})?$/.exec(host);
  return match?.[1];
}

function isIpLiteral(name: string): boolean {
  return name.startsWith('[') ? isIP(name.slice(1, -1)) === 6 : isIP(name) === 4;
}
