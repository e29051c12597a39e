#!/usr/bin/env node
// The `dateline` command: runs the compiled sources in dist/ (`npm run build`; `npm install` runs it).
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('../', import.meta.url);
const stamp = new URL('dist/.built', root);
const src = new URL('src/', root);

/** The first file of src/ changed since the last build: running dist/ then would run old code. */
function changedSince(time) {
  for (const file of readdirSync(src, { recursive: true })) if (statSync(new URL(file, src)).mtimeMs > time) return file;
  return null;
}

const changed = !existsSync(stamp) ? 'dist/ is missing' : existsSync(src) ? changedSince(statSync(stamp).mtimeMs) : null;
if (changed) {
  process.stderr.write(`dateline: not built${changed === 'dist/ is missing' ? ' yet' : `: src/${changed} changed since the last build`}; run \`npm run build\` in ${root.pathname}\n`);
  process.exitCode = 1;
} else await import(new URL('dist/cli/main.js', root).href);
