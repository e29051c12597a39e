#!/usr/bin/env node
// The `dateline` command: runs the compiled sources in dist/ (`npm run build`; `npm install` builds them).
import { existsSync } from 'node:fs';

const main = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(main)) await import(main.href);
else {
  process.stderr.write('dateline: not built yet (no dist/); run `npm run build` in the dateline folder\n');
  process.exitCode = 1;
}
