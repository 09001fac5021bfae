import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { readDrillSources } from '../../src/io/drill-files.js';

/** What a drill killed between writing and linking its record leaves behind (docs/format.md, Drill records). */
it('never reads the temporary file of an interrupted record write as a record', () => {
  const folder = mkdtempSync(join(tmpdir(), 'runbook-drill-leftover-'));
  try {
    const records = join(folder, 'drills', 'database', 'primary-down');
    mkdirSync(records, { recursive: true });
    writeFileSync(join(records, '2026-12-05.md'), '---\nrunbook: database/primary-down\n---\n');
    writeFileSync(join(records, '.2026-12-05-2.md.4242.1764900000000.tmp'), '---\nrunbook: database/primary-down\n---\n');
    expect(readDrillSources(join(folder, 'drills'), folder).map((source) => source.file)).toEqual(['drills/database/primary-down/2026-12-05.md']);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
