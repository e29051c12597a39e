import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { looksLikeFeed, parseFeed } from '../../../src/stages/input/feed.ts';
import { readInputs, type InputItem } from '../../../src/stages/input/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'dateline-feed-'));
const ok = (item: InputItem | undefined) => {
  assert.ok(item?.ok, `expected an article, got ${JSON.stringify(item)}`);
  return item.input;
};

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>World News</title>
<item><title>U.S., Iran hold
  talks</title><link>https://news.example/talks</link><guid>urn:news:1</guid>
<pubDate>Mon, 28 May 2007 10:00:00 GMT</pubDate><dc:creator>Paul Tait</dc:creator>
<description>Short summary.</description>
<content:encoded><![CDATA[<p>The United States urged Iran on Monday to stop supporting militias.</p><p>The talks were positive.</p>]]></content:encoded></item>
<item><title>Bomb in Basra</title><link>https://news.example/bomb</link>
<description>&lt;p&gt;A car bomb killed 12 people in Basra.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://news.example/empty</link></item>
</channel></rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom News</title>
<entry><title>Talks resume</title><id>tag:news.example,2007:2</id>
<link rel="self" href="https://news.example/feed/2"/><link rel="alternate" href="https://news.example/2"/>
<published>2007-06-04T08:00:00Z</published><author><name>Edmund Blair</name></author>
<summary>Summary only.</summary><content type="html">&lt;p&gt;Iran said it would meet U.S. officials again.&lt;/p&gt;</content></entry>
</feed>`;

test('RSS 2.0: one article per item, content over description, with link, title, date, author and feed title', () => {
  const items = [...readInputs([join(dir, 'world.rss')].map((f) => (writeFileSync(f, RSS), f)))];
  assert.equal(items.length, 3);
  const first = ok(items[0]);
  assert.equal(first.id, 'urn:news:1');
  assert.equal(first.title, 'U.S., Iran hold talks');
  assert.equal(first.text, 'U.S., Iran hold talks\n\nThe United States urged Iran on Monday to stop supporting militias.\n\nThe talks were positive.');
  assert.equal(first.text.slice(first.titleSpan!.start, first.titleSpan!.end), first.title);
  assert.deepEqual([first.url, first.published, first.source, first.byline], ['https://news.example/talks', '2007-05-28', 'World News', 'Paul Tait']);
  const second = ok(items[1]);
  assert.equal(second.id, 'https://news.example/bomb', 'no guid: the link is the id');
  assert.match(second.text, /killed 12 people in Basra\.$/);
  assert.ok(!items[2]!.ok && /no content or description/.test(items[2]!.message) && items[2]!.origin.item === 3);
});

test('Atom: the alternate link, content over summary, published date, author name', () => {
  const file = join(dir, 'news.atom');
  writeFileSync(file, ATOM);
  const [item] = [...readInputs([file])];
  const input = ok(item);
  assert.deepEqual([input.id, input.url, input.published, input.byline, input.source], ['tag:news.example,2007:2', 'https://news.example/2', '2007-06-04', 'Edmund Blair', 'Atom News']);
  assert.equal(input.text, 'Talks resume\n\nIran said it would meet U.S. officials again.');
});

test('feeds are found in directories, gzipped too, and sniffed when the name says nothing', () => {
  const sub = join(dir, 'feeds');
  mkdirSync(sub);
  writeFileSync(join(sub, 'a.xml.gz'), gzipSync(RSS));
  writeFileSync(join(sub, 'b.txt'), ATOM);
  const items = [...readInputs([sub])];
  assert.equal(items.filter((i) => i.ok).length, 3);
  assert.ok(looksLikeFeed(ATOM) && looksLikeFeed(RSS) && !looksLikeFeed('<!doctype html><html></html>') && !looksLikeFeed('Plain <rss> text'));
});

test('XML that is not a feed is refused with a message', () => {
  const file = join(dir, 'sitemap.xml');
  writeFileSync(file, '<?xml version="1.0"?><urlset><url><loc>https://x</loc></url></urlset>');
  const [item] = [...readInputs([file])];
  assert.ok(item && !item.ok && /not an RSS 2.0 or Atom feed/.test(item.message));
  assert.ok('error' in parseFeed('<html><body>x</body></html>'));
});
