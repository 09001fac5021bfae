import { readFileSync } from 'node:fs';

/** This package's name and version, read from its package.json (two levels above src/ and dist/ modules). */
export function toolInfo(): { readonly name: string; readonly version: string } {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const data = JSON.parse(text) as { name?: unknown; version?: unknown };
  return { name: typeof data.name === 'string' ? data.name : 'runbook', version: typeof data.version === 'string' ? data.version : '0.0.0' };
}
