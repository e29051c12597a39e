import assert from 'node:assert/strict';
import { test } from 'node:test';
import { htmlDepth, htmlRefusal, MAX_HTML_DEPTH } from '../../../src/stages/input/htmlDepth.ts';

test('HTML depth is read off the tags: void elements, sibling paragraphs, comments and scripts do not nest', () => {
  const cases: [string, number][] = [
    ['<html><body><div><p>Text</p></div></body></html>', 4],
    ['<p>one<p>two<p>three', 1],
    ['<ul><li>a<li>b<li>c</ul>', 2],
    ['<div><br><img src="x"><hr/><input></div>', 1],
    ['<div><!-- <div><div><div> --></div>', 1],
    ['<script>for (const x of "<div><div><div>") {}</script><p>x</p>', 1],
    ['<DIV><Span>mixed case</SPAN></div>', 2],
    ['<div><span>unclosed', 2],
    ['</div></div><p>stray end tags</p>', 1],
    ['no markup at all', 0],
  ];
  for (const [html, depth] of cases) assert.equal(htmlDepth(html), depth, html);
});

test('a page nested past the limit is refused with a one-line reason; one at the limit is not', () => {
  assert.equal(htmlRefusal('<div>'.repeat(MAX_HTML_DEPTH)), null);
  assert.match(htmlRefusal('<div>'.repeat(MAX_HTML_DEPTH + 1)) ?? '', /^the HTML is nested more than 256 elements deep/);
});
