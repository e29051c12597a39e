/**
 * How deep an HTML page nests its elements, read off its tags in one pass without building it. The DOM library and
 * Readability recurse over the tree (10,000 levels overflow the stack; 3,000 took 45 s), so a page nested deeper
 * than MAX_HTML_DEPTH is refused before it is parsed. Real pages nest a few dozen levels.
 */

export const MAX_HTML_DEPTH = 256;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'command']);
/** Elements whose start tag closes an open one of the same name ("<p>a<p>b", "<li>a<li>b"). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt']);
/** Elements whose content is text, not markup. */
const RAW_TEXT = ['script', 'style', 'textarea', 'title', 'xmp', 'noscript'];

const RAW_TEXT_END = new Map([...RAW_TEXT].map((name) => [name, new RegExp(`</${name}`, 'gi')]));

const TAG = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/g;

/** The deepest nesting of elements, stopping as soon as it passes `limit`. */
export function htmlDepth(html: string, limit = Infinity): number {
  const open: string[] = [];
  let deepest = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = m[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    if (m[1] === '/') {
      const at = open.lastIndexOf(name);
      if (at >= 0) open.length = at;
      continue;
    }
    if (m[3] === '/' || VOID.has(name)) continue;
    if (SELF_CLOSING_SIBLINGS.has(name) && open.at(-1) === name) open.pop();
    const rawEnd = RAW_TEXT_END.get(name);
    if (rawEnd) {
      rawEnd.lastIndex = TAG.lastIndex;
      TAG.lastIndex = rawEnd.exec(html)?.index ?? html.length;
    }
    open.push(name);
    deepest = Math.max(deepest, open.length);
    if (deepest > limit) break;
  }
  return deepest;
}

/** Why an HTML page or fragment is not read, or null when it can be. */
export function htmlRefusal(html: string): string | null {
  return htmlDepth(html, MAX_HTML_DEPTH) > MAX_HTML_DEPTH ? `the HTML is nested more than ${MAX_HTML_DEPTH} elements deep, which no article page is; save the article's text as .txt` : null;
}
