/**
 * The home dashboard in real headless Chromium, over a store of the bundled articles: counts from the server, events
 * over time on a proportional time axis, top dyads, actors and places, latest articles and a small map, and every
 * figure a link to the filtered view that holds what it counts. Desktop and phone (390px).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { SKIP_NO_CHROMIUM, bundledSamples, screenshot, startHarness, type Harness } from './harness.ts';

const PHONE = 390;

describe('home dashboard', { skip: SKIP_NO_CHROMIUM }, () => {
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
  const noProblems = (page: Page & { problems: string[] }) => assert.deepEqual(page.problems, []);
  /** The total the events view shows for the filters in the current URL. */
  const eventsTotal = async (page: Page) => {
    await page.locator('.events-table tbody tr').first().waitFor();
    return Number(/^([\d,]+) events?/.exec(await page.locator('.result-count').innerText())?.[1]?.replace(/,/g, ''));
  };

  test('the bare address opens the dashboard with the store’s counts, and each count opens its view', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('', width);
      await page.locator('.tile').first().waitFor();
      assert.equal(await page.locator('h1').innerText(), 'Overview');
      assert.equal(await page.locator('nav a[aria-current="page"]').innerText(), 'Overview');
      const totals = await api<{ articles: number; events: number; quotes: number; casualtyIncidents: number }>(page, 'stats/totals');
      assert.equal(totals.articles, 161, 'the founding article and the 160 Wikinews articles');
      const tile = (label: RegExp) => page.locator('.tile', { has: page.locator('.tile-label', { hasText: label }) });
      for (const [label, value] of [[/^articles$/, totals.articles], [/^events$/, totals.events], [/^quotes$/, totals.quotes], [/^casualty incidents?$/, totals.casualtyIncidents]] as const) {
        assert.equal(await tile(label).locator('.tile-value').innerText(), value.toLocaleString('en'), String(label));
      }
      await tile(/^events$/).click();
      await page.waitForURL(/#\/events$/);
      assert.equal(await eventsTotal(page), totals.events);
      if (width === PHONE) {
        await page.goBack();
        await page.locator('.tile').first().waitFor();
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE);
      }
      noProblems(page);
      await page.close();
    }
  });

  test('events over time: QuadClass bars on a proportional time axis; a bar opens its events', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('', width);
      const chart = page.locator('.over-time svg.counts');
      await chart.waitFor();
      const bars = await chart.locator('.bar:not(.span)').evaluateAll((els) =>
        els.map((el) => ({ start: el.getAttribute('data-start')!, end: el.getAttribute('data-end')!, x: Number(el.getAttribute('x')), width: Number(el.getAttribute('width')), quad: /q(\d)/.exec(el.getAttribute('class') ?? '')?.[1] })),
      );
      const months = [...new Map(bars.map((b) => [b.start, b])).values()].sort((a, b) => a.start.localeCompare(b.start));
      assert.ok(months.length >= 6, `months with events: ${months.length}`);
      // Proportional: the pixels between two months are the days between them times one scale, wherever they are.
      const day = (d: string) => Date.parse(d) / 86_400_000;
      const first = months[0]!;
      const last = months.at(-1)!;
      const pxPerDay = (last.x - first.x) / (day(last.start) - day(first.start));
      for (const m of months) assert.ok(Math.abs(first.x + (day(m.start) - day(first.start)) * pxPerDay - m.x) < 2, `${m.start} sits where its date is`);
      assert.ok(months.some((m, i) => i > 0 && day(m.start) - day(months[i - 1]!.start) > 40), 'months without events leave a gap');

      // The tallest month's conflict bar lists exactly its events.
      const bar = bars.find((b) => b.quad === '4') ?? bars[0]!;
      await chart.locator(`.bar.q${bar.quad}[data-start="${bar.start}"]`).first().click();
      await page.waitForURL(new RegExp(`#/events\\?from=${bar.start}&to=${bar.end}&quad=${bar.quad}`));
      const expected = (await api<{ total: number }>(page, `events/count?from=${bar.start}&to=${bar.end}&quad=${bar.quad}`)).total;
      assert.equal(await eventsTotal(page), expected);
      const days = await page.locator('.events-table tbody .cell-date').allInnerTexts();
      for (const d of days) assert.ok(d >= bar.start.slice(0, d.length) && d <= bar.end.slice(0, d.length), `${d} in ${bar.start}…${bar.end}`);
      await page.goBack();
      await page.locator('.over-time svg.counts').waitFor();
      // Older years are one click away, drawn per year.
      const all = page.locator('.over-time + p a', { hasText: 'show every year' });
      if ((await all.count()) > 0) {
        await all.click();
        await page.waitForURL(/interval=year/);
        await page.locator('.over-time svg.counts .bar[data-unit="year"]').first().waitFor();
      }
      noProblems(page);
      await page.close();
    }
  });

  test('top dyads, actors and places link to the filtered events, with the same numbers', async () => {
    const page = await open('');
    const dyad = page.locator('.panel', { hasText: 'Top dyads' }).locator('.rank li').first();
    await dyad.waitFor();
    const dyadCount = Number(await dyad.locator('.rank-value').innerText());
    const dyadName = await dyad.locator('.rank-name > a').innerText();
    assert.match(dyadName, / → /);
    await dyad.locator('.rank-name > a').click();
    await page.waitForURL(/#\/events\?source=\w+&target=\w+/);
    assert.equal(await eventsTotal(page), dyadCount, dyadName);
    await page.goBack();

    const actor = page.locator('.panel', { hasText: 'Top actors' }).locator('.rank li').first();
    await actor.waitFor();
    assert.match(await actor.locator('.rank-name > a').innerText(), /^.+ \([A-Z]{3}[A-Z]*\)$/, 'a name beside the code');
    assert.match(await actor.locator('.kind-chip').innerText(), /state|IGO|NGO|group/i);
    const actorCount = Number(await actor.locator('.rank-value').innerText());
    await actor.locator('.rank-name > a').click();
    await page.waitForURL(/#\/events\?actor=\w+/);
    assert.equal(await eventsTotal(page), actorCount);
    await page.goBack();

    const placed = page.locator('.panel', { hasText: 'Top places' }).locator('.rank li', { has: page.locator('.rank-sub a') }).first();
    await placed.waitFor();
    const placeEvents = Number(/(\d+) events?/.exec(await placed.locator('.rank-sub a').innerText())?.[1]);
    await placed.locator('.rank-sub a').click();
    await page.waitForURL(/#\/events\?place=/);
    assert.equal(await eventsTotal(page), placeEvents);
    noProblems(page);
    await page.close();
  });

  test('latest articles open in the reader; the small map links each point to its events; Wikinews is credited', async () => {
    for (const width of [1280, PHONE]) {
      const page = await open('', width);
      const latest = page.locator('.latest a').first();
      await latest.waitFor();
      const newest = await api<{ items: { title: string }[] }>(page, 'articles?limit=1');
      assert.equal(await latest.innerText(), newest.items[0]!.title);
      const credits = page.locator('.credits');
      await credits.locator('a', { hasText: 'Wikinews contributors' }).waitFor();
      assert.equal(await credits.locator('a', { hasText: 'CC BY 2.5' }).getAttribute('href'), 'https://creativecommons.org/licenses/by/2.5/');

      const spot = page.locator('.small-map svg.world .spot[aria-label*=" event"]').first();
      await spot.waitFor();
      if (width === PHONE) {
        const sizes = await page.locator('.small-map .spot-target').evaluateAll((els) => els.map((el) => el.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
        // 24 CSS px, give or take the float error of an SVG transform (23.99998)
        assert.ok(Math.min(...sizes) >= 24 - 0.01, `smallest target ${Math.min(...sizes)}px`);
        assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), PHONE);
      }
      await screenshot(page, width === PHONE ? 'home-390' : 'home');
      await spot.click();
      await page.waitForURL(/#\/events\?bbox=/);
      assert.ok((await eventsTotal(page)) > 0);
      await page.goBack();
      await page.locator('.latest a').first().click();
      await page.locator('.article-text').waitFor();
      assert.equal(await page.locator('h1').innerText(), newest.items[0]!.title);
      assert.match(await page.locator('.article-head .attribution').innerText(), /Wikinews contributors, CC BY 2\.5/);
      noProblems(page);
      await page.close();
    }
  });
});
