/**
 * Article text, titles, quotes and URLs are untrusted. An article full of markup is ingested, then shown in
 * every view that renders its words; nothing in it may run, and the markup must show as the text it is.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_NO_CHROMIUM, screenshot, startHarness, type Harness } from './harness.ts';

/** Each payload sets a different mark on window if it runs. No double quotes: those would cut the news quotes. */
const SCRIPT = "<script>window.__pwned='script'</script>";
const IMG = "<img src=x onerror=window.__pwned='img'>";
const LINK = "<a href=javascript:window.__pwned='link'>read more</a>";
const SVG = "<svg onload=window.__pwned='svg'></svg>";

const TEXT = `BAGHDAD (Reuters) - A car bomb killed 7 people in Baghdad on Monday ${SCRIPT}, police said.

"We will find them ${IMG}," Interior Minister Jawad al-Bolani told reporters ${LINK}.

Iraq accused Syria of sending fighters ${SVG} across the border.`;

const RECORD = {
  id: 'xss-1',
  title: `Markup in the news ${IMG}${SCRIPT}`,
  url: "javascript:window.__pwned = 'url'",
  source: `Evil Wire ${IMG}`,
  published: '2024-02-05',
  text: TEXT,
};

describe('untrusted article text never runs in the browser', { skip: SKIP_NO_CHROMIUM }, () => {
  let harness: Harness;
  let folder: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'dateline-xss-'));
    writeFileSync(join(folder, 'markup.jsonl'), `${JSON.stringify(RECORD)}\n`);
    harness = await startHarness([join(folder, 'markup.jsonl')]);
  });
  after(async () => {
    await harness?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  /** Nothing ran, no dialog opened, and no element or handler came from the article. */
  const assertInert = async (page: Page, dialogs: string[]) => {
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned), undefined);
    assert.deepEqual(dialogs, []);
    const injected = await page.evaluate(() => ({
      scripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
      images: document.querySelectorAll('img').length,
      handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => a.href.trim().toLowerCase().startsWith('javascript:')).length,
    }));
    assert.deepEqual(injected, { scripts: 0, images: 0, handlers: 0, jsLinks: 0 });
  };

  const open = async (hash: string) => {
    const page = await harness.page();
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.goto(`${harness.url}${hash}`);
    return { page, dialogs };
  };

  test('search results and the reader show the markup as text', async () => {
    const { page, dialogs } = await open('#/search');
    const hit = page.locator('.hit').first();
    await hit.waitFor();
    assert.match(await hit.locator('h2').innerText(), /Markup in the news <img src=x onerror=/);
    await hit.locator('h2 a').click();
    const text = page.locator('.article-text');
    await text.waitFor();
    assert.match(await text.innerText(), /<script>window\.__pwned='script'<\/script>/);
    assert.match(await text.innerText(), /<a href=javascript:/);
    assert.match(await text.innerText(), /<svg onload=/);
    assert.match(await page.locator('h1').innerText(), /<img src=x onerror=/);
    // The article's javascript: URL is not a link anywhere.
    assert.equal(await page.locator('.article-head a', { hasText: 'original' }).getAttribute('href'), '#');
    // Cards over the markup are text too.
    await text.locator('.mk-quote', { hasText: 'onerror' }).first().focus();
    assert.match(await page.locator('.tooltip').innerText(), /We will find them <img src=x onerror=/);
    await page.waitForTimeout(300);
    await assertInert(page, dialogs);
    await screenshot(page, 'xss-reader');
    await page.close();
  });

  test('quotes, events and casualties show the markup as text', async () => {
    const { page, dialogs } = await open('#/quotes?q=find');
    await page.locator('.quote-item').first().waitFor();
    assert.match(await page.locator('.quote-item blockquote', { hasText: 'onerror' }).first().innerText(), /<img src=x onerror=/);
    await page.goto(`${harness.url}#/events`);
    await page.locator('.events-table').waitFor();
    // The folded sentence behind each event is text as well.
    for (const summary of await page.locator('.evidence summary').all()) await summary.click();
    assert.match(await page.locator('.events-table').innerText(), /<script>window\.__pwned='script'<\/script>|<svg onload=/);
    await page.goto(`${harness.url}#/map`);
    await page.locator('svg.world').waitFor();
    await page.waitForTimeout(300);
    await assertInert(page, dialogs);
    await page.close();
  });

  test('the dashboard shows titles, names and places as text', async () => {
    const { page, dialogs } = await open('#/');
    const latest = page.locator('.latest a').first();
    await latest.waitFor();
    assert.match(await latest.innerText(), /Markup in the news <img src=x onerror=/);
    await page.locator('svg.counts .bar').first().waitFor();
    await page.waitForTimeout(300);
    await assertInert(page, dialogs);
    await page.close();
  });

  test('code your own: pasted HTML with scripts is read, not run', async () => {
    const { page, dialogs } = await open('#/code');
    await page.getByLabel('Format').selectOption('html');
    await page.getByRole('textbox', { name: 'Article' }).fill(`<html><head><title>Pasted ${IMG}</title><script>window.__pwned = 'head'</script></head><body><article><h1>Pasted page</h1><p>${TEXT.replace(/\n\n/g, '</p><p>')}</p><p>${LINK} ${IMG}</p></article></body></html>`);
    await page.getByRole('button', { name: 'Code it' }).click();
    // The first article posted starts the coding pool's workers: slow on a busy machine.
    await page.locator('.code-result .article-text').waitFor({ timeout: 120_000 });
    await page.waitForTimeout(300);
    await assertInert(page, dialogs);
    await screenshot(page, 'xss-code');
    await page.close();
  });
});
