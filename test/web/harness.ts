/**
 * What the browser tests share: build the app, ingest articles into a temporary store, serve the API and the
 * app in-process on a free port, and drive Debian's Chromium through playwright-core.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { buildApp as buildApi } from '../../src/api/app.ts';
import { ingest } from '../../src/ingest/ingest.ts';
import type { SourceSpec } from '../../src/ingest/sources.ts';
import { openStore } from '../../src/store/db.ts';
import { SqliteStore } from '../../src/store/sqliteStore.ts';

export const CHROMIUM = '/usr/bin/chromium';
/** The flags DEVELOPERS.md documents: headless, root-safe, no GPU, and no calls home. */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export const REPO = resolve(import.meta.dirname, '../..');
export const ARTIFACTS = join(REPO, 'artifacts', 'web');

const SAMPLES = join(REPO, 'data/samples');

/** The articles `npm start` ingests (data/samples/samples.json), with their publication dates. */
export function bundledSamples(): SourceSpec[] {
  const manifest = JSON.parse(readFileSync(join(SAMPLES, 'samples.json'), 'utf8')) as { files: { file: string; published?: string }[] };
  return manifest.files.map((f) => (f.published ? { spec: join(SAMPLES, f.file), published: f.published } : join(SAMPLES, f.file)));
}

export const SKIP_NO_CHROMIUM = existsSync(CHROMIUM) ? false : `needs Debian's Chromium at ${CHROMIUM} (apt-get install -y chromium)`;

export interface Harness {
  /** Base URL of the app, e.g. http://127.0.0.1:41234/ */
  url: string;
  browser: Browser;
  /** A new page at this viewport width; page errors and failed requests are collected in `problems`. */
  page(width?: number, height?: number): Promise<Page & { problems: string[] }>;
  close(): Promise<void>;
}

/** Builds the app into a fresh temporary folder (test files run in parallel, so each gets its own). */
export async function buildApp(outDir: string): Promise<void> {
  await build({ configFile: join(REPO, 'web/vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true, sourcemap: false } });
}

export async function startHarness(articles: readonly SourceSpec[]): Promise<Harness> {
  const work = mkdtempSync(join(tmpdir(), 'dateline-web-'));
  const webDir = join(work, 'dist');
  await buildApp(webDir);
  const server = await startServer(join(work, 'test.db'), articles, webDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  return {
    url: server.url,
    browser,
    async page(width = 1280, height = 900) {
      const page = (await browser.newPage({ viewport: { width, height } })) as Page & { problems: string[] };
      page.problems = [];
      page.on('pageerror', (e) => page.problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => {
        // Aborted fetches are the app cancelling a superseded request.
        if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) page.problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`);
      });
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Saves a screenshot to artifacts/web/<name>.png (git-ignored) for a person to look at. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

interface RunningServer {
  url: string;
  close(): Promise<void>;
}

async function startServer(dbFile: string, articles: readonly SourceSpec[], webRoot: string): Promise<RunningServer> {
  const store = new SqliteStore(openStore(dbFile));
  const summary = await ingest(store, articles, { workers: 2 });
  if (summary.stored === 0) throw new Error(`nothing was ingested: ${JSON.stringify(summary.failures)}`);
  const app = buildApi({ store, webRoot });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url: `${address}/`,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
