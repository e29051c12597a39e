#!/usr/bin/env node
// The `dateline` command: runs the compiled sources in dist/ (`npm run build`; `npm install` runs it). A checkout whose
// src/ or compiled-in data (dictionaries, models) changed since the last build (a pull, an edit) is rebuilt first, so
// the command never runs old code nor refuses.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.built', root);
const src = new URL('src/', root);
// data compiled into dist/ by the build (dist/lexicon/gazetteer.bin, dist/lexicon/petrarch/actors.bin, the models' .bin files)
const compiledData = ['data/gazetteer/', 'data/lexicon/', 'data/petrarch/', 'data/models/'].map((dir) => new URL(dir, root));
const lock = new URL('dist.building', root);

/** Why dist/ cannot be run as it is: missing, or a file of src/ or of the compiled data changed since the last build; null when it is current. */
function staleness() {
  if (!existsSync(stamp)) return 'dist/ is not built yet';
  const built = statSync(stamp).mtimeMs;
  for (const dir of [src, ...compiledData]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true })) if (statSync(new URL(file, dir)).mtimeMs > built) return `${fileURLToPath(new URL(file, dir)).slice(fileURLToPath(root).length)} changed since the last build`;
  }
  return null;
}

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds once even when several commands start together: the first takes the lock, the others wait for it. */
function rebuild(reason) {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock older than any build is left by a killed process
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 10 * 60_000) rmSync(lock, { recursive: true, force: true });
      sleep(500);
      if (!staleness()) return;
    }
  }
  try {
    if (!staleness()) return;
    process.stderr.write(`dateline: ${reason}; building (npm run build, about a minute)…\n`);
    // the build's own output goes to stderr: stdout carries the records
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: fileURLToPath(root), stdio: ['ignore', 2, 2] });
  } catch (error) {
    process.stderr.write(`dateline: the build failed (${error.message.split('\n')[0]}); run \`npm run build\` in ${fileURLToPath(root)} to see why\n`);
    process.exit(1);
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

const reason = staleness();
if (reason) rebuild(reason);
await import(new URL('dist/cli/main.js', root).href);
