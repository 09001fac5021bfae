#!/usr/bin/env node
// `npm run build` (and `prepare`, so `npm ci` and `npm pack` leave a working tool): bundles src/ and
// its runtime dependencies into dist/ with esbuild, as ES modules split into chunks so that what is
// imported lazily (each command, the parser, playwright-core) still loads only when it is used.
// One file per module (what tsc writes) made Node resolve and read ~1,000 files before a command ran.
//
// `node scripts/build.mjs [--out <folder>]` (default dist/, emptied first). Type checking stays
// `npm run typecheck` (tsc); esbuild only strips the types.
//
// Every module of the tool lands in dist/cli/ (entries and chunks alike), one level below dist/,
// because modules find files relative to their own URL, and a bundled module's URL is its chunk's:
// package.json and templates/ two levels up (version.ts, templates.ts), dist/ one level up
// (run-memo.ts), parse-worker.js beside parse-pool.ts. The one exception is dist/io/io.js, the
// process's io, where bin/runbook.js has always found it; it locates nothing.
//
// Source maps are written beside the chunks (not published: package.json's "files"); Node reads
// them when RUNBOOK_DEBUG is set (bin/runbook.js), so stack traces then point at src/.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(ROOT, 'dist') } } });
const out = resolve(values.out);

rmSync(out, { recursive: true, force: true });
await build({
  absWorkingDir: ROOT,
  entryPoints: [
    { in: 'src/cli/main.ts', out: 'cli/main' },
    { in: 'src/io/io.ts', out: 'io/io' },
    // Started by parse-pool.ts as `new URL('./parse-worker.js', import.meta.url)`: its own entry.
    { in: 'src/io/parse-worker.ts', out: 'cli/parse-worker' },
  ],
  outdir: out,
  chunkNames: 'cli/chunk-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // A browser driver of its own (its package reads files beside itself), loaded only by the commands that print PDFs.
  external: ['playwright-core'],
  // The CommonJS dependencies (commander, handlebars…) require Node's built-ins: give ES modules a `require`.
  banner: { js: "import { createRequire as __runbookCreateRequire } from 'node:module'; const require = __runbookCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
});
