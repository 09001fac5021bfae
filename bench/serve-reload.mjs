// Times `runbook serve`: from saving a runbook to the browser having the new page, i.e. the reload
// event arriving plus fetching the page again. Used by bench/run.mjs; runnable alone:
//   node bench/serve-reload.mjs <folder with runbook.config.yaml> [edits]
import { spawn } from 'node:child_process';
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'runbook.js');

/** The first runbook file under `folder/runbooks`, and its page's URL path. */
function firstRunbook(folder) {
  const root = join(folder, 'runbooks');
  const team = readdirSync(root).sort()[0];
  const file = join(root, team, readdirSync(join(root, team)).sort()[0]);
  return { file, page: `/runbooks/${relative(root, file).replace(/\.md$/, '')}/` };
}

function get(url) {
  return new Promise((resolvePromise, reject) => {
    request(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolvePromise({ status: response.statusCode, body }));
    })
      .on('error', reject)
      .end();
  });
}

/** Starts serve, waits for it to listen; resolves with its URL and a function that stops it. */
function startServe(folder) {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--no-git', '--today', '2026-11-27'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const match = /serving (http:\/\/\S+)/.exec(stderr);
      if (match) resolvePromise({ url: match[1], stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`serve exited (${code}) before listening:\n${stderr}`)));
  });
}

/** Listens to the reload events; `next()` resolves at the next one. */
function reloadEvents(url) {
  let waiting = [];
  request(new URL('__runbook/events', url), (response) => {
    response.setEncoding('utf8');
    response.on('data', (chunk) => {
      if (!chunk.includes('event: reload')) return;
      const resolvers = waiting;
      waiting = [];
      for (const resolver of resolvers) resolver();
    });
  }).end();
  return { next: () => new Promise((resolvePromise) => waiting.push(resolvePromise)) };
}

/** Milliseconds from each save to the new page fetched, for `edits` saves of one runbook. */
export async function serveReload(folder, edits = 5) {
  const { file, page } = firstRunbook(folder);
  const original = readFileSync(file);
  const serve = await startServe(folder);
  const times = [];
  try {
    const events = reloadEvents(serve.url);
    await get(new URL(page, serve.url)); // the first request renders the page, as a browser would
    await sleep(500);
    for (let edit = 0; edit < edits; edit++) {
      const marker = `Saved for the benchmark, edit ${edit}.`;
      const started = process.hrtime.bigint();
      let reloaded = events.next();
      appendFileSync(file, `\n${marker}\n`);
      // As a browser does: reload at every event, until the page shows the save (a rebuild that
      // began before the save finished is followed by another).
      for (let reloads = 0; ; reloads++) {
        await reloaded;
        reloaded = events.next();
        const response = await get(new URL(page, serve.url));
        if (response.body.includes(marker)) break;
        if (reloads > 5) throw new Error(`serve: the page does not show edit ${edit} after ${reloads} reloads`);
      }
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      await sleep(300);
    }
  } finally {
    serve.stop();
    writeFileSync(file, original);
  }
  return times;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const times = await serveReload(resolve(process.argv[2] ?? '.'), Number(process.argv[3] ?? 5));
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`edit → page reloaded: ${times.map((time) => time.toFixed(0)).join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)].toFixed(0)} ms`);
}
