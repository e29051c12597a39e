import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseHTML } from 'linkedom';
import { HTML_FURNITURE_RULES } from '../../../src/stages/input/rules.ts';

test('every HTML furniture rule matches its own example, ids are unique, and article elements match none', () => {
  const ids = new Set<string>();
  for (const rule of HTML_FURNITURE_RULES) {
    const { document } = parseHTML(`<!doctype html><html><body>${rule.example}</body></html>`);
    assert.ok(document.body.firstElementChild?.matches(rule.selector), `${rule.id} does not match its example ${rule.example}`);
    assert.ok(!ids.has(rule.id), `duplicate rule id ${rule.id}`);
    ids.add(rule.id);
  }
  const { document } = parseHTML('<!doctype html><html><body><article class="story"><h1 class="headline">Talks</h1><p class="lead">Iran said.</p><div class="body-text"><p>More.</p></div><img class="photo"></article></body></html>');
  for (const el of document.querySelectorAll('*')) {
    for (const rule of HTML_FURNITURE_RULES) assert.ok(!el.matches(rule.selector), `${rule.id} matches <${el.tagName.toLowerCase()} class="${el.getAttribute('class')}">`);
  }
});
