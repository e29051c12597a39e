/**
 * `npm run build` (also run by `npm install`, `npm start` and `npm test`): compiles src/ into dist/ (tsc, incremental),
 * the big lexicons and models into packed files next to the modules that read them (dist/lexicon/cities.bin, dist/lexicon/countries.json, dist/lexicon/gazetteer.bin, dist/stages/parse/parser.bin, dist/stages/entities/tagger/ner.bin, dist/lexicon/petrarch/actors.bin, dist/lexicon/petrarch/verbs.bin), and stamps dist/.built, which bin/dateline.js compares with src/ and the compiled data to rebuild a stale build before it runs; then rebuilds the web app
 * into web/dist when a file of web/ changed since its last build (or web/dist is missing), else leaves it.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const WEB = join(REPO, 'web');
const WEB_BUILT = join(WEB, 'dist', 'index.html');

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

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit', cwd: REPO });
// Lexicons compiled by the code that reads them, so the two always agree.
const { writeCompiledCities } = (await import(join(REPO, 'dist', 'lexicon', 'cities.js'))) as typeof import('../src/lexicon/cities.ts');
writeCompiledCities();
const { writeCompiledCountries } = (await import(join(REPO, 'dist', 'lexicon', 'countries.js'))) as typeof import('../src/lexicon/countries.ts');
writeCompiledCountries();
const { writeCompiledGazetteer } = (await import(join(REPO, 'dist', 'lexicon', 'gazetteer.js'))) as typeof import('../src/lexicon/gazetteer.ts');
writeCompiledGazetteer();
const { writeCompiledModel: writeCompiledParser } = (await import(join(REPO, 'dist', 'stages', 'parse', 'model.js'))) as typeof import('../src/stages/parse/model.ts');
writeCompiledParser();
const { writeCompiledModel: writeCompiledTagger } = (await import(join(REPO, 'dist', 'stages', 'entities', 'tagger', 'model.js'))) as typeof import('../src/stages/entities/tagger/model.ts');
writeCompiledTagger();
const { writeCompiledActors } = (await import(join(REPO, 'dist', 'lexicon', 'petrarch', 'actors.js'))) as typeof import('../src/lexicon/petrarch/actors.ts');
writeCompiledActors();
const { writeCompiledVerbs } = (await import(join(REPO, 'dist', 'lexicon', 'petrarch', 'verbs.js'))) as typeof import('../src/lexicon/petrarch/verbs.ts');
writeCompiledVerbs();
writeFileSync(join(REPO, 'dist', '.built'), `${new Date().toISOString()}\n`);

if (!existsSync(WEB_BUILT) || newestSource(WEB) > statSync(WEB_BUILT).mtimeMs) {
  execSync('npm run build:web', { stdio: 'inherit', cwd: REPO });
} else {
  process.stdout.write('web/dist is up to date\n');
}
