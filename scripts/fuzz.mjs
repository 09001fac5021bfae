#!/usr/bin/env node
// Runs the property tests long, with a random seed, and prints the seed (and the command that
// reproduces a failure) before and after the run: test/reliability/properties.test.ts and the
// properties of test/hardening/ (link rewrite, terminal and machine-format escapes, serve request
// targets; and the layouts around --out, which build twice per run: a hundredth of the runs).
//   npm run fuzz                 10,000 runs per property, a random seed
//   npm run fuzz -- 500 1234     500 runs with seed 1234
import { spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

const runs = Number(process.argv[2] ?? process.env.RUNBOOK_FC_RUNS ?? 10_000);
const seed = Number(process.argv[3] ?? process.env.RUNBOOK_FC_SEED ?? randomInt(2 ** 31 - 1));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error(`usage: npm run fuzz -- [runs] [seed]; got runs \`${process.argv[2] ?? ''}\`, seed \`${process.argv[3] ?? ''}\``);
  process.exit(2);
}
const suites = [
  { files: ['test/reliability/properties.test.ts', 'test/hardening/link-rewrite.test.ts', 'test/hardening/terminal-escapes.test.ts', 'test/hardening/machine-format-escapes.test.ts', 'test/hardening/serve-properties.test.ts'], runs },
  { files: ['test/hardening/site-output-links.test.ts'], runs: Math.max(1, Math.round(runs / 100)) },
];
console.log(`fuzz: seed ${seed}, ${runs} runs per property`);
for (const suite of suites) {
  const reproduce = `RUNBOOK_FC_SEED=${seed} RUNBOOK_FC_RUNS=${suite.runs} npx vitest run ${suite.files.join(' ')}`;
  const result = spawnSync('npx', ['vitest', 'run', ...suite.files], {
    stdio: 'inherit',
    env: { ...process.env, RUNBOOK_FC_SEED: String(seed), RUNBOOK_FC_RUNS: String(suite.runs) },
  });
  if (result.error !== undefined) {
    console.error(`fuzz: could not run vitest: ${result.error.message}`);
    process.exit(2);
  }
  if (result.status !== 0) {
    console.error(`\nfuzz: FAILED with seed ${seed}. Reproduce with:\n  ${reproduce}\n(fast-check's report above gives the seed, the path and the shrunk counterexample)`);
    process.exit(result.status ?? 1);
  }
}
console.log(`fuzz: passed, seed ${seed}, ${runs} runs per property`);
