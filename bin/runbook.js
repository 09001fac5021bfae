#!/usr/bin/env node
// The only code that touches the process: run the CLI, set the exit code.
import { main } from '../dist/cli/main.js';
import { nodeIo } from '../dist/io/io.js';

process.exitCode = await main(process.argv.slice(2), nodeIo());
