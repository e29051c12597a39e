/**
 * The web app's views in real headless Chromium, over the API on a store of the bundled articles (the founding
 * Reuters article and the Wikinews politics sample), on a desktop and on a phone (390px). Screenshots go to
 * artifacts/web/. The dashboard has its own file (dashboard.test.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_NO_CHROMIUM, bundledSamples, screenshot, startHarness, type Harness } from './harness.ts';

const PHONE = 390;

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
  const api = <T>(page: Page, path: string) => page.evaluate(async (url) => (await fetch(url)).json(), `${harness.url}api/${path}`) as Promise<T>;
  const tooltipText = (page: Page) => page.locator('.tooltip').innerText();
  /** The article's words as a reader sees them, without the small type labels on the marks (GPE, 044). */
  const readerText = (page: Page, selector: string) =>
    page.locator(selector).evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement;
      for (const label of copy.querySelectorAll('.mk-label')) label.remove();
      return copy.textContent ?? '';
    });
  const noProblems = (page: Page & { problems: string[] }) => assert.deepEqual(page.problems, []);
  /** Nothing sticks out sideways on a phone. */
  const fitsPhone = async (page: Page) => assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE);
  const openFounding = async (width = 1280) => {
    const page = await open('#/search?q=Crocker', width);
    await page.locator('.hit h2 a', { hasText: 'U.S., Iran hold' }).click();
    await page.locator('.article-text').waitFor();
    return page;
  };

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
    const page = await openFounding();
    const text = page.locator('.article-text');

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

  test('reader: the title once, dates in the side panel, and the store’s count of events', async () => {
    for (const width of [1280, PHONE]) {
      const page = await openFounding(width);
      const title = 'U.S., Iran hold "positive" talks on Iraq violence';
      assert.equal(await page.locator('h1').innerText(), title);
      const body = await readerText(page, '.article-text');
      assert.ok(!body.includes(title), 'the headline is not repeated above the body');
      assert.match(body, /^BAGHDAD \(Reuters\)/);
      const panel = page.locator('.records-panel');
      assert.match(await panel.locator('.panel-when').innerText(), /Published 2007-05-28 · dateline Baghdad/);
      assert.match(await panel.locator('button', { hasText: 'Reduce or break diplomatic relations' }).innerText(), /^1980\s*161/);
      assert.ok((await panel.locator('.rec-date', { hasText: '2007-05-28' }).count()) > 5, 'events carry their dates');
      // One count: the reader's events are the store's events (reports of one event in the text go together).
      const id = /#\/article\/(\d+)/.exec(page.url())![1];
      const stored = await api<{ eventIds: Record<string, number> }>(page, `articles/${id}`);
      const storedEvents = new Set(Object.values(stored.eventIds)).size;
      assert.match(await page.locator('.article-head .counts').innerText(), new RegExp(`^${storedEvents} events`));
      assert.equal(await panel.locator('details', { hasText: 'Events' }).first().locator('li').count(), storedEvents);
      const hit = (await api<{ items: { id: number; events: number }[] }>(page, 'articles?q=Crocker')).items.find((a) => String(a.id) === id);
      assert.equal(hit?.events, storedEvents, 'search counts the same events');
      if (width === PHONE) {
        await fitsPhone(page);
        await page.locator('.mk-trigger', { hasText: 'severed' }).hover();
        assert.match(await tooltipText(page), /161/);
        await screenshot(page, 'reader-390', false);
      }
      noProblems(page);
      await page.close();
    }
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
    await page.locator('.events-table tbody tr').first().waitFor();
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

  test('events explorer: the total of all pages, and each event’s sentence folded under it (desktop and phone)', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('#/events?limit=50', width);
      await page.locator('.events-table tbody tr').first().waitFor();
      const total = (await api<{ total: number }>(page, 'events/count')).total;
      assert.ok(total > 50, 'the bundled corpus has more events than a page');
      assert.match(await page.locator('.result-count').innerText(), new RegExp(`^${total.toLocaleString('en')} events · 1–50 shown`));
      const sentence = page.locator('.events-table tbody tr').first().locator('details.evidence');
      assert.equal(await sentence.getAttribute('open'), null, 'folded until asked for');
      await sentence.locator('summary').click();
      const words = await sentence.locator('p').innerText();
      const trigger = await sentence.locator('mark').innerText();
      assert.ok(trigger.length > 0 && words.includes(trigger), `${trigger} in ${words}`);
      if (width === PHONE) {
        await fitsPhone(page);
        await screenshot(page, 'events-390', false);
      }
      // The next page keeps counting from where the first stopped.
      await page.getByRole('button', { name: 'Next →' }).click();
      await page.waitForURL(/cursor=/);
      await page.locator('.result-count', { hasText: '51–100 shown' }).waitFor();
      noProblems(page);
      await page.close();
    }
  });

  test('relationship timeline: a proportional time axis, the 1980 event as a year, and a Goldstein chart of its own', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('#/timeline?a=USA&b=IRN&interval=month', width);
      const counts = page.locator('svg.counts');
      await counts.waitFor();
      // Two charts, one y-axis each.
      assert.equal(await counts.locator('.axis.y').count(), 1);
      assert.equal(await page.locator('svg.goldstein .axis.y').count(), 1);
      const bars = await counts.locator('.bar').evaluateAll((els) =>
        els.map((el) => ({ start: el.getAttribute('data-start')!, unit: el.getAttribute('data-unit')!, x: Number(el.getAttribute('x')), width: Number(el.getAttribute('width')) })),
      );
      // "In 1980" is the whole year, not January.
      const year = bars.find((b) => b.start === '1980-01-01' && b.unit === 'year');
      assert.ok(year, `a 1980 span among ${JSON.stringify(bars)}`);
      const may2007 = bars.find((b) => b.start.startsWith('2007-05'));
      assert.ok(may2007);
      // Time is to scale: 27 years lie between 1980 and May 2007, and a year is twelve times a month.
      const pxPerDay = (may2007.x - year.x) / ((Date.parse('2007-05-01') - Date.parse('1980-01-01')) / 86_400_000);
      assert.ok(Math.abs(year.width - 366 * pxPerDay) < 2, `the 1980 span is a year wide (${year.width}px, ${pxPerDay}px a day)`);
      await page.locator('svg.counts .bar.span').first().click();
      await page.locator('.bar-events .event-list li').first().waitFor();
      assert.match(await page.locator('.bar-events h2').innerText(), /USA → IRN, 1980/);
      assert.match(await page.locator('.bar-events').innerText(), /161 Reduce or break diplomatic relations/);
      if (width === PHONE) await fitsPhone(page);
      await screenshot(page, width === PHONE ? 'timeline-390' : 'timeline');
      noProblems(page);
      await page.close();
    }
  });

  test('map: zoom and pan, clustered places, country-level records drawn hollow, a point lists its records', async () => {
    const page = await open('#/map');
    await page.locator('svg.world .spot').first().waitFor();
    assert.ok((await page.locator('svg.world .countries path').count()) > 100, 'the offline world is drawn');
    assert.ok((await page.locator('svg.world .spot-event').count()) > 0);
    assert.ok((await page.locator('svg.world .spot-casualty').count()) > 0);
    assert.ok((await page.locator('svg.world .spot-country').count()) > 0, 'records placed only in a country are drawn apart');
    assert.match((await page.locator('svg.world .spot-country').first().getAttribute('aria-label')) ?? '', /country only/);
    const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await page.locator('svg.world .land').getAttribute('transform')) ?? '')?.[1]);
    const clusters = await page.locator('svg.world .spot-cluster').count();
    assert.ok(clusters > 0, 'nearby places start clustered');
    await page.getByRole('button', { name: 'Zoom in' }).click();
    assert.equal(await scale(), 2);
    const box = (await page.locator('svg.world').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.4);
    await page.mouse.wheel(0, -300);
    assert.ok((await scale()) > 2, 'the wheel zooms in');
    const before = await page.locator('svg.world .land').getAttribute('transform');
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
    await page.mouse.up();
    assert.notEqual(await page.locator('svg.world .land').getAttribute('transform'), before, 'a drag pans');
    await page.getByRole('button', { name: 'Whole world' }).click();
    assert.equal(await scale(), 1);

    // Baghdad (where the founding article's truck bomb went off) is the biggest place in its cluster: Enter lists its records.
    const baghdad = page.locator('svg.world .spot[aria-label^="Baghdad"]');
    await baghdad.focus();
    await page.keyboard.press('Enter');
    await page.locator('.spot-records h2', { hasText: /Casualty incidents in .*Baghdad/ }).waitFor();
    assert.match(await page.locator('.spot-records').innerText(), /24 killed, 68 wounded/);
    await screenshot(page, 'map');
    noProblems(page);
    await page.close();
  });

  test('map on a phone: every point is at least 24px across and the map fits', async () => {
    const page = await open('#/map', PHONE);
    await page.locator('svg.world .spot').first().waitFor();
    const sizes = await page.locator('svg.world .spot-target').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    assert.ok(sizes.length > 0);
    assert.ok(Math.min(...sizes) >= 24, `smallest target ${Math.min(...sizes)}px`);
    for (const button of await page.locator('.map-zoom button').all()) assert.ok(((await button.boundingBox())?.height ?? 0) >= 24);
    await page.locator('svg.world .spot').first().click();
    await page.locator('.spot-records h2').first().waitFor();
    await fitsPhone(page);
    await screenshot(page, 'map-390');
    noProblems(page);
    await page.close();
  });

  test('network: names beside codes, actors typed by kind, edges labelled and sized by their events', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('#/network', width);
      await page.locator('svg.graph .node').first().waitFor();
      const usa = page.locator('svg.graph .node', { has: page.locator('.node-code', { hasText: /^USA$/ }) });
      assert.equal(await usa.locator('.node-name').textContent(), 'United States');
      assert.match((await usa.getAttribute('class')) ?? '', /kind-state/);
      const kinds = new Set(await page.locator('svg.graph .node').evaluateAll((els) => els.map((el) => /kind-(\w+)/.exec(el.getAttribute('class') ?? '')?.[1])));
      assert.ok(kinds.size >= 2, `more than one kind of actor: ${[...kinds].join(', ')}`);
      const edges = await page.locator('svg.graph .edge').evaluateAll((els) =>
        els.map((el) => ({ events: Number(el.getAttribute('data-events')), label: el.querySelector('.edge-count')?.textContent, width: Number(el.querySelector('.edge-line')?.getAttribute('stroke-width')) })),
      );
      for (const e of edges) assert.equal(e.label, String(e.events));
      const byEvents = [...edges].sort((a, b) => a.events - b.events);
      assert.ok(byEvents.at(-1)!.width > byEvents[0]!.width, 'more events, a thicker line');
      // The busiest pair, from the keyboard (lines cross on a small screen; Tab and Enter reach any of them).
      await page.locator(`svg.graph .edge[data-events="${byEvents.at(-1)!.events}"]`).first().focus();
      await page.keyboard.press('Enter');
      await page.locator('.edge-details a', { hasText: 'Timeline' }).waitFor();
      assert.match(await page.locator('.edge-details h2').innerText(), / ↔ /);
      if (width === PHONE) await fitsPhone(page);
      await screenshot(page, width === PHONE ? 'network-390' : 'network');
      noProblems(page);
      await page.close();
    }
  });

  test('quotes: a speaker facet with counts narrows the list; each quote links back to the reader', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('#/quotes', width);
      const crocker = page.locator('.facet a', { hasText: 'Ryan Crocker' });
      await crocker.waitFor();
      const count = Number(await crocker.locator('.facet-count').innerText());
      assert.ok(count >= 3);
      assert.ok(((await crocker.boundingBox())?.height ?? 0) >= 24, 'a facet entry is easy to tap');
      await crocker.click();
      await page.waitForURL(/speaker=Ryan(\+|%20)Crocker/);
      await page.locator('.result-count', { hasText: `${count} quotes` }).waitFor();
      assert.equal(await page.locator('.facet a[aria-current="true"] .facet-name').innerText(), 'Ryan Crocker');
      if (width === PHONE) await fitsPhone(page);
      await screenshot(page, width === PHONE ? 'quotes-390' : 'quotes');
      noProblems(page);
      await page.close();
    }

    const page = await open('#/quotes?speaker=Crocker');
    const quote = page.locator('.quote-item', { hasText: 'The purpose of this effort' });
    await quote.waitFor();
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
    // The first article posted starts the coding pool's workers: slow on a busy machine.
    await text.waitFor({ timeout: 120_000 });
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

  test('code your own: pasting over the example clears its date; a pasted HTML page is read as HTML (desktop and phone)', async () => {
    const html = '<!doctype html><html><head><title>Israel reopens crossing</title><link rel="canonical" href="https://news.example.org/crossing"></head><body><article><h1>Israel reopens crossing</h1><p class="byline">By Jane Doe</p><p>JERUSALEM — Israel reopened the Kerem Shalom crossing on Monday after talks with Egypt, officials said.</p><div class="ad"><p>Advertisement — Buy the new Phone X today!</p></div><p>Egypt welcomed the decision.</p></article></body></html>';
    for (const width of [1280, PHONE]) {
      const page = await open('#/code', width);
      await page.getByRole('button', { name: 'Use an example' }).click();
      assert.equal(await page.getByLabel('Published').inputValue(), '2024-03-05');
      // A real paste: the event first, then the text arrives.
      await page.getByRole('textbox', { name: 'Article' }).evaluate((el: HTMLTextAreaElement, pasted) => {
        el.dispatchEvent(new Event('paste', { bubbles: true }));
        el.value = pasted;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, html);
      assert.equal(await page.getByLabel('Published').inputValue(), '', 'the example’s date went with the example');
      assert.equal(await page.getByLabel('Format').inputValue(), 'html');
      assert.match(await page.locator('.code-note').innerText(), /date was cleared.*HTML page/s);
      await page.getByRole('button', { name: 'Code it' }).click();
      const text = page.locator('.code-result .article-text');
      await text.waitFor({ timeout: 120_000 });
      assert.equal(await page.locator('.code-result h2').innerText(), 'Israel reopens crossing');
      const body = await readerText(page, '.code-result .article-text');
      assert.match(body, /^JERUSALEM — Israel reopened/, 'the title is shown once, above the text');
      assert.doesNotMatch(body, /Phone X|By Jane Doe/, 'the ad and the byline are left out');
      if (width === PHONE) await fitsPhone(page);
      noProblems(page);
      await page.close();
    }
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
