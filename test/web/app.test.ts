/**
 * The web app in real headless Chromium, over the API on a store of the bundled articles
 * (the founding Reuters article and the WikiNews sample). Screenshots go to artifacts/web/.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_NO_CHROMIUM, bundledSamples, screenshot, startHarness, type Harness } from './harness.ts';

describe('web app', { skip: SKIP_NO_CHROMIUM }, () => {
  let harness: Harness;
  before(async () => {
    harness = await startHarness(bundledSamples());
  });
  after(async () => {
    await harness?.close();
  });

  const open = async (hash: string, width = 1280) => {
    const page = await harness.page(width);
    await page.goto(`${harness.url}${hash}`);
    return page;
  };
  const tooltipText = (page: Page) => page.locator('.tooltip').innerText();
  const noProblems = (page: Page & { problems: string[] }) => assert.deepEqual(page.problems, []);

  test('search finds the founding article, with its counts, and opens it in the reader', async () => {
    const page = await open('#/search?q=Crocker');
    const hit = page.locator('.hit', { hasText: 'U.S., Iran hold' });
    await hit.waitFor();
    assert.match(await hit.locator('.snippet mark').first().innerText(), /Crocker/i);
    assert.match(await hit.locator('.chips').innerText(), /\d+ events/);
    await screenshot(page, 'search');
    await hit.locator('h2 a').click();
    await page.locator('.article-text').waitFor();
    assert.match(page.url(), /#\/article\/\d+/);
    assert.equal(await page.locator('h1').innerText(), 'U.S., Iran hold "positive" talks on Iraq violence');
    noProblems(page);
    await page.close();
  });

  test('reader: truck-bomb casualties, Crocker’s quotes and the 1980 event are highlighted with their records', async () => {
    const page = await open('#/search?q=Crocker');
    await page.locator('.hit h2 a', { hasText: 'U.S., Iran hold' }).click();
    const text = page.locator('.article-text');
    await text.waitFor();

    // Truck bomb: the counts are marked; hovering 24 shows the casualty record and its rules.
    const killed = text.locator('.mk-count', { hasText: /^24/ });
    await killed.hover();
    let card = await tooltipText(page);
    assert.match(card, /24 killed, 68 wounded/);
    assert.match(card, /truck bomb/);
    assert.match(card, /Baghdad/);
    assert.match(card, /casualties\.incident\.truck-bomb/);
    assert.match(await text.locator('.mk-count', { hasText: /^68/ }).innerText(), /wounded/);

    // Crocker's direct quotes are tinted, and focusing one (keyboard) shows its speaker.
    for (const opening of ['The purpose of this effort', 'The talks proceeded positively', 'In terms of what happens next']) {
      const quote = text.locator('.mk-quote', { hasText: opening }).first();
      await quote.focus();
      card = await tooltipText(page);
      assert.match(card, /QUOTE\s+Ryan Crocker \(USAGOV\)/i, `${opening}: ${card}`);
      assert.match(card, new RegExp(opening));
      assert.match(card, /quotes\.[a-z.-]+/);
    }

    // 1980: Washington severed formal diplomatic ties with Tehran.
    const severed = text.locator('.mk-trigger', { hasText: 'severed' });
    await severed.hover();
    card = await tooltipText(page);
    assert.match(card, /161 Reduce or break diplomatic relations/);
    assert.match(card, /1980 \(year/);
    assert.match(card, /USAGOV\) → .*IRNGOV/);
    assert.match(card, /historical/i);
    assert.match(card, /rules .*ev\.sever-ties/s);
    // The event's source and target light up with it.
    assert.equal(await text.locator('.hot', { hasText: 'Tehran' }).count() > 0, true);
    await screenshot(page, 'reader-1980-event', false);

    // The side panel lists every record; choosing one scrolls to its words and shows it.
    await page.locator('.records-panel button', { hasText: 'truck bomb' }).click();
    assert.match(await tooltipText(page), /24 killed/);
    assert.match(page.url(), /record=cas\d+/);
    await screenshot(page, 'reader');
    noProblems(page);
    await page.close();
  });

  test('reader on a phone: the text and the card fit 390px', async () => {
    const page = await open('#/search?q=Crocker', 390);
    await page.locator('.hit h2 a', { hasText: 'U.S., Iran hold' }).click();
    await page.locator('.article-text').waitFor();
    await page.locator('.mk-trigger', { hasText: 'severed' }).hover();
    assert.match(await tooltipText(page), /161/);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
    await screenshot(page, 'reader-390', false);
    noProblems(page);
    await page.close();
  });

  test('events explorer: filter by the USA–IRN dyad, sort, export links keep the filters', async () => {
    const page = await open('#/events');
    await page.locator('.events-table').waitFor();
    await page.getByLabel('Source', { exact: true }).fill('USA');
    await page.getByLabel('Target', { exact: true }).fill('IRN');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/source=USA&target=IRN/);
    await page.locator('.events-table tbody tr').first().waitFor();
    const rows = await page.locator('.events-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    assert.ok(rows.length > 0);
    for (const cells of rows) {
      assert.match(cells[1] ?? '', /^USA/);
      assert.match(cells[3] ?? '', /^IRN/);
    }
    assert.ok(rows.some((cells) => /161/.test(cells[2] ?? '')), 'the 1980 break of relations is a USA → IRN event');
    assert.match((await page.getByRole('link', { name: 'GDELT TSV' }).getAttribute('href')) ?? '', /export\/events\.tsv\?.*source=USA.*target=IRN/);

    await page.getByRole('link', { name: /Goldstein/ }).click();
    await page.waitForURL(/sort=-goldstein/);
    const scores = await page.locator('.events-table tbody tr td:nth-child(5)').allInnerTexts();
    const values = scores.map((s) => Number(s.replace('−', '-')));
    assert.deepEqual(values, [...values].sort((a, b) => b - a));
    await screenshot(page, 'events');
    noProblems(page);

    // A filter nothing matches says so in words.
    await page.goto(`${harness.url}#/events?source=USA&target=IRN&quad=2&claimed=true&historical=true`);
    await page.getByText('No events match these filters.').waitFor();
    await page.close();
  });

  test('relationship timeline of USA and IRN draws bars; a bar lists its events', async () => {
    const page = await open('#/timeline?a=USA&b=IRN&interval=month');
    await page.locator('svg.timeline').waitFor();
    const bars = page.locator('svg.timeline .bar');
    assert.ok((await bars.count()) > 0);
    await bars.first().click();
    await page.locator('.bar-events .event-list li').first().waitFor();
    assert.match(await page.locator('.bar-events h2').innerText(), /(USA → IRN|IRN → USA)/);
    await screenshot(page, 'timeline');
    noProblems(page);
    await page.close();
  });

  test('map shows events and casualty incidents as points; a point lists its records', async () => {
    const page = await open('#/map');
    await page.locator('svg.world').waitFor();
    assert.ok((await page.locator('svg.world .countries path').count()) > 100, 'the offline world is drawn');
    assert.ok((await page.locator('svg.world .spot-event').count()) > 0);
    assert.ok((await page.locator('svg.world .spot-casualty').count()) > 0);
    const baghdad = page.locator('svg.world .spot-casualty[aria-label^="Baghdad"]');
    await baghdad.focus();
    await page.keyboard.press('Enter');
    await page.locator('.spot-records h2', { hasText: 'Casualty incidents in Baghdad' }).waitFor();
    assert.match(await page.locator('.spot-records').innerText(), /24 killed, 68 wounded/);
    await screenshot(page, 'map');
    noProblems(page);
    await page.close();
  });

  test('network draws actors and dyads; quotes search links back to the reader', async () => {
    const page = await open('#/network');
    await page.locator('svg.graph').waitFor();
    assert.ok((await page.locator('svg.graph .node').count()) >= 2);
    assert.ok((await page.locator('svg.graph .edge').count()) >= 1);
    await page.locator('svg.graph .edge').first().click();
    await page.locator('.edge-details a', { hasText: 'Timeline' }).waitFor();
    await screenshot(page, 'network');
    noProblems(page);

    await page.goto(`${harness.url}#/quotes?speaker=Crocker`);
    const quote = page.locator('.quote-item', { hasText: 'The purpose of this effort' });
    await quote.waitFor();
    await screenshot(page, 'quotes');
    await quote.locator('.meta a', { hasText: 'U.S., Iran hold' }).click();
    // The reader scrolls to the quote and focuses it.
    await page.waitForFunction(() => document.activeElement?.classList.contains('mk-quote'));
    assert.match(await page.evaluate(() => document.activeElement?.textContent ?? ''), /^The purpose of this effort/);
    noProblems(page);
    await page.close();
  });

  test('code your own: a pasted paragraph is coded on the spot and shown reader-style', async () => {
    const page = await open('#/code');
    await page.getByRole('textbox', { name: 'Article' }).fill('BAGHDAD (Reuters) - A car bomb killed 12 people and wounded 30 in a market in Baghdad on Tuesday, police said.\n\nIraqi Prime Minister Nuri al-Maliki condemned the attack.');
    await page.getByLabel('Published').fill('2024-03-05');
    await page.getByRole('button', { name: 'Code it' }).click();
    const text = page.locator('.code-result .article-text');
    await text.waitFor();
    await text.locator('.mk-count', { hasText: /^12/ }).hover();
    const card = await tooltipText(page);
    assert.match(card, /12 killed, 30 wounded/);
    assert.match(card, /2024-03-05/);
    assert.ok((await text.locator('.mk-trigger').count()) > 0);
    await screenshot(page, 'code');

    // Errors from the API are shown in words.
    await page.getByRole('textbox', { name: 'Article' }).fill('   ');
    await page.getByRole('button', { name: 'Code it' }).click();
    await page.getByText('Paste some text first.').waitFor();
    noProblems(page);
    await page.close();
  });

  test('errors from the API are shown in words', async () => {
    const page = await open('#/article/999999');
    await page.locator('.state.error').waitFor();
    assert.match(await page.locator('.state.error').innerText(), /404.*no article 999999/);
    await page.goto(`${harness.url}#/events?from=2020-01-02&to=2020-01-01`);
    await page.locator('.state.error').waitFor();
    assert.match(await page.locator('.state.error').innerText(), /400.*swap them/);
    await page.close();
  });
});
