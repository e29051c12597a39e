/**
 * Regenerates docs/screenshots/*.png (one per view of the web app, shown in README) from the bundled articles,
 * in Debian's Chromium: `npx tsx scripts/web-screenshots.ts`. `--phone` also writes *-390.png to artifacts/web/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, CHROMIUM, REPO, SKIP_NO_CHROMIUM, bundledSamples, startHarness } from '../test/web/harness.ts';

const OUT = join(REPO, 'docs/screenshots');

interface Shot {
  name: string;
  hash: string;
  /** Waits for the view and puts it in the state worth showing. */
  prepare: (page: Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    name: 'home',
    hash: '#/',
    prepare: async (p) => {
      await p.locator('.over-time svg.counts').waitFor();
      await p.locator('.small-map svg.world').waitFor();
      await p.locator('.latest a').first().waitFor();
    },
  },
  { name: 'search', hash: '#/search?q=Iran', prepare: (p) => p.locator('.hit').first().waitFor() },
  {
    name: 'reader',
    hash: '#/search?q=Crocker',
    prepare: async (p) => {
      await p.locator('.hit h2 a').first().click();
      await p.locator('.article-text').waitFor();
      const severed = p.locator('.mk-trigger', { hasText: 'severed' });
      await severed.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await severed.hover();
    },
  },
  {
    name: 'events',
    hash: '#/events?actor=USA',
    prepare: async (p) => {
      await p.locator('.events-table tbody tr').first().waitFor();
      await p.locator('.events-table details.evidence summary').first().click();
    },
  },
  {
    name: 'timeline',
    hash: '#/timeline?a=USA&b=IRN&interval=month',
    prepare: async (p) => {
      // The 1980 break of relations: a year-long span, far from May 2007 on a time axis drawn to scale.
      await p.locator('svg.counts .bar.span').first().click();
      await p.locator('.bar-events .event-list').waitFor();
    },
  },
  {
    name: 'map',
    hash: '#/map',
    prepare: async (p) => {
      await p.locator('svg.world .spot').first().waitFor();
      const box = (await p.locator('svg.world').boundingBox())!;
      // Zoomed on the Middle East, where the founding article's events are.
      await p.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.3);
      await p.mouse.wheel(0, -300);
      await p.waitForTimeout(200);
    },
  },
  { name: 'network', hash: '#/network', prepare: (p) => p.locator('svg.graph .node').first().waitFor() },
  {
    name: 'quotes',
    hash: '#/quotes?speaker=Ryan%20Crocker',
    prepare: async (p) => {
      await p.locator('.quote-item').first().waitFor();
      await p.locator('.facet a').first().waitFor();
    },
  },
  {
    name: 'code',
    hash: '#/code',
    prepare: async (p) => {
      await p.getByRole('button', { name: 'Use an example' }).click();
      await p.getByRole('button', { name: 'Code it' }).click();
      await p.locator('.code-result .article-text').waitFor({ timeout: 120_000 });
      await p.locator('.code-result h2').evaluate((heading) => heading.scrollIntoView());
      await p.evaluate(() => window.scrollBy(0, -140));
    },
  },
];

if (SKIP_NO_CHROMIUM) {
  process.stderr.write(`web-screenshots: ${SKIP_NO_CHROMIUM}\n`);
  process.exit(1);
}
const phone = process.argv.includes('--phone');
mkdirSync(OUT, { recursive: true });
mkdirSync(ARTIFACTS, { recursive: true });
const harness = await startHarness(bundledSamples());
try {
  for (const shot of SHOTS) {
    for (const [width, height, file] of [[1100, 700, join(OUT, `${shot.name}.png`)], ...(phone ? [[390, 844, join(ARTIFACTS, `${shot.name}-390.png`)] as const] : [])] as const) {
      const page = await harness.page(width, height);
      await page.goto(`${harness.url}${shot.hash}`);
      await shot.prepare(page);
      await page.waitForTimeout(400);
      await page.screenshot({ path: file });
      if (page.problems.length > 0) process.stderr.write(`${shot.name}: ${page.problems.join('; ')}\n`);
      await page.close();
      process.stdout.write(`${file}\n`);
    }
  }
} finally {
  await harness.close();
}
process.stdout.write(`(Chromium: ${CHROMIUM})\n`);
