// The CLI with a scripted clock, for the terminal test of `runbook drill` (drill-tty.test.ts):
//   node drill-main.mjs <start instant> <seconds per reading> <runbook arguments…>
// Each reading of the clock is `seconds` later than the one before, so the record's times are exact.
// The io is the real process's (its terminal, stdout, environment) but for the clock.
import { main } from '../../dist/cli/main.js';
import { nodeIo } from '../../dist/io/io.js';

const [start, step, ...argv] = process.argv.slice(2);
let time = Date.parse(start ?? '');
const seconds = Number(step);
if (Number.isNaN(time) || !Number.isFinite(seconds)) throw new Error('usage: drill-main.mjs <start instant> <seconds per reading> <arguments…>');
const now = () => {
  const reading = new Date(time);
  time += seconds * 1000;
  return reading;
};
process.exitCode = await main(argv, { ...nodeIo(), now });
