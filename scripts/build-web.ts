/**
 * `npm run build` (second half): rebuilds the web app into web/dist when a file of web/ changed since the last
 * build (or web/dist is missing), so that `dateline serve` never serves a stale app; otherwise does nothing.
 */
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));
const BUILT = join(WEB, 'dist', 'index.html');

/** Newest modification time of the files under `dir`, leaving out the build output. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(WEB, 'dist')) newest = Math.max(newest, newestSource(path));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

if (!existsSync(BUILT) || newestSource(WEB) > statSync(BUILT).mtimeMs) {
  execSync('npm run build:web', { stdio: 'inherit', cwd: join(WEB, '..') });
} else {
  process.stdout.write('web/dist is up to date\n');
}
