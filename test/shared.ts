import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join, resolve } from 'node:path';

/** The project's root folder. */
export const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** `../shared` beside the checkout: the real-world corpora and the benchmark generator. */
export const SHARED = resolve(PROJECT_ROOT, '..', 'shared');

/**
 * Whether `../shared` is there. When it is not, tests that need it skip with a loud reason, except
 * in CI (`CI=true`), where its absence is a failure.
 */
export function sharedAvailable(): boolean {
  if (existsSync(join(SHARED, 'corpora'))) return true;
  const reason = `../shared/corpora not found at ${SHARED}: skipping the real-corpus tests`;
  if (process.env.CI === 'true') throw new Error(`${reason} is not allowed in CI`);
  console.warn(`\n*** ${reason} ***\n`);
  return false;
}
