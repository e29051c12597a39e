import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openStoreAt } from '../../src/store/open.ts';
import type { ArticleRows } from '../../src/store/rows.ts';
import type { Store } from '../../src/store/store.ts';
import { skipPostgres, testDatabase } from '../helpers/services.ts';
import { BAGHDAD, rowsOf, WIRE_STORY } from '../helpers/storeRecords.ts';

// Three reports of one meeting (same dyad, root, place and day) with different full codes and publication days,
// a fourth on the next day, and a republished copy of the first: the store must not depend on who writes first.
const met = { source: 'IRQ', target: 'IRN', day: '2007-05-28', place: BAGHDAD };
const ARTICLES: ArticleRows[] = [
  rowsOf(WIRE_STORY, { id: 'wire', url: 'https://wire.example/1', source: 'Reuters', published: '2007-05-29' }, [{ ...met, code: '040', words: 'urged Iran' }]),
  rowsOf(`Talks in Baghdad\n\n${WIRE_STORY}`, { id: 'copy', url: 'https://paper.example/1', source: 'Daily Paper', published: '2007-05-29' }, [{ ...met, code: '040', words: 'urged Iran' }]),
  rowsOf('Iraqi and Iranian envoys held talks in Baghdad.', { id: 'ap', source: 'AP', published: '2007-05-28' }, [{ ...met, code: '043', words: 'held talks' }]),
  rowsOf('Iraq and Iran met in Baghdad, then met again.', { id: 'afp', source: 'AFP', published: '2007-05-30' }, [
    { ...met, code: '042', words: 'met in Baghdad' },
    { ...met, code: '040', words: 'met again' },
  ]),
  rowsOf('Iraq and Iran met again the next day.', { id: 'next', source: 'AP', published: '2007-05-30' }, [{ ...met, day: '2007-05-29', code: '040', words: 'met again' }]),
];

/** The events and their counts as any store must hold them: no ids, the first article by its external id. */
async function canonical(store: Store): Promise<unknown[]> {
  return store.sql.all(
    `SELECT e.day, e.source_actor, e.target_actor, e.root, e.code, e.claimed, e.is_root, e.num_mentions, e.num_articles, e.num_sources, a.ext_id AS first_article
     FROM events e JOIN articles a ON a.id = e.first_article_id ORDER BY e.day, e.code`,
  );
}

function permutations<T>(list: readonly T[]): T[][] {
  if (list.length <= 1) return [[...list]];
  return list.flatMap((x, i) => permutations([...list.slice(0, i), ...list.slice(i + 1)]).map((rest) => [x, ...rest]));
}

const EXPECTED = [
  // the AP report is published first, so it gives the code; the copy of the wire story is not counted again
  { day: '2007-05-28', source_actor: 'IRQ', target_actor: 'IRN', root: '04', code: '043', claimed: 0, is_root: 1, num_mentions: 4, num_articles: 3, num_sources: 3, first_article: 'ap' },
  { day: '2007-05-29', source_actor: 'IRQ', target_actor: 'IRN', root: '04', code: '040', claimed: 0, is_root: 1, num_mentions: 1, num_articles: 1, num_sources: 1, first_article: 'next' },
];

for (const engine of ['sqlite', 'postgres'] as const) {
  describe(`the merge rule on ${engine}`, { skip: engine === 'postgres' ? skipPostgres : false }, () => {
    const open = async (): Promise<{ store: Store; drop: () => Promise<void> }> => {
      if (engine === 'sqlite') return { store: await openStoreAt({ engine: 'sqlite', file: ':memory:' }), drop: async () => undefined };
      const database = await testDatabase('merge');
      return { store: await openStoreAt({ engine: 'postgres', url: database.url }), drop: database.drop };
    };

    test('every order of writing, one article per transaction or all in one, gives the same events and counts', async () => {
      const orders = permutations([0, 1, 2, 3, 4]).filter((_, i) => engine === 'sqlite' || i % 30 === 0);
      for (const order of orders) {
        for (const together of [false, true]) {
          const { store, drop } = await open();
          try {
            const batch = order.map((i) => ARTICLES[i]!);
            if (together) await store.write(batch);
            else for (const rows of batch) await store.write([rows]);
            assert.deepEqual(await canonical(store), EXPECTED, `order ${order.join(',')}${together ? ' in one batch' : ''}`);
          } finally {
            await store.close();
            await drop();
          }
        }
      }
    });

    test('writing a stored article again changes nothing, in another batch or the same one', async () => {
      const { store, drop } = await open();
      try {
        const first = await store.write(ARTICLES);
        assert.ok(first.every((r) => r.stored));
        const before = await store.counts();
        const again = await store.write([ARTICLES[2]!, ARTICLES[2]!, ARTICLES[0]!]);
        assert.deepEqual(again.map((r) => r.stored), [false, false, false]);
        assert.equal(again[0]!.articleId, first[2]!.articleId);
        assert.deepEqual(await store.counts(), before);
        assert.deepEqual(await canonical(store), EXPECTED);
      } finally {
        await store.close();
        await drop();
      }
    });
  });
}
