#!/usr/bin/env node
// The only code that touches the process: run the CLI, set the exit code. With RUNBOOK_DEBUG set,
// stack traces point at src/ through the source maps beside dist/ (Node reads them only for modules
// loaded after they are enabled, hence the imports below; reading them costs start-up otherwise).
if (process.env.RUNBOOK_DEBUG !== undefined) process.setSourceMapsEnabled(true);
const [{ main }, { nodeIo }] = await Promise.all([import('../dist/cli/main.js'), import('../dist/io/io.js')]);

process.exitCode = await main(process.argv.slice(2), nodeIo());
