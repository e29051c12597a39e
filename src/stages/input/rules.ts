/**
 * Page furniture an HTML page marks up as such: left out before the article is read. Each rule has an id
 * (cited in the record's messages), a CSS selector and an example element it must match
 * (test/stages/input/rules.test.ts). Text-level furniture (the same things in plain text) is in
 * src/stages/clean/rules.ts.
 */

export interface HtmlFurnitureRule {
  id: string;
  selector: string;
  /** What the message says was left out, one or many. */
  what: [string, string];
  example: string;
}

/** Elements with more text than this are never furniture: a wrapper such as `<div class="article shareable">` holds the story. */
export const MAX_FURNITURE_CHARS = 300;

export const HTML_FURNITURE_RULES: readonly HtmlFurnitureRule[] = [
  {
    id: 'input.html.ad',
    selector: '[class~="ad"], [class~="ads"], [class^="ad-"], [class*=" ad-"], [id^="ad-"], [class*="advert"], [id*="advert"], [data-ad], [data-ad-slot], ins.adsbygoogle, [aria-label="Advertisement"], [aria-label="advertisement"]',
    what: ['advertisement', 'advertisements'],
    example: '<div class="ad"><p>Buy the new Phone X today!</p></div>',
  },
  {
    id: 'input.html.share',
    selector: '[class*="share"], [id*="share"], [class*="social"], [aria-label^="Share"], [aria-label^="share"]',
    what: ['share bar', 'share bars'],
    example: '<ul class="share-bar"><li>Facebook</li><li>Twitter</li></ul>',
  },
  {
    id: 'input.html.byline',
    selector: '[class*="byline"], [rel="author"], [itemprop="author"]',
    what: ['byline', 'bylines'],
    example: '<p class="byline">By Jane Doe</p>',
  },
];
