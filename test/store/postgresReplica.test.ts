/** A read replica refuses writes: opening the store there (as `serve` does) checks the schema version instead of migrating. */
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { connectionOptions } from '../../src/store/postgres/connect.ts';
import { openStoreAt } from '../../src/store/open.ts';
import { skipPostgres, testDatabase } from '../helpers/services.ts';

const drops: (() => Promise<void>)[] = [];
after(async () => {
  for (const drop of drops) await drop().catch(() => undefined);
});

test('a read-only PostgreSQL (a hot standby) opens for reading at the migrated version', { skip: skipPostgres }, async () => {
  const db = await testDatabase('replica');
  drops.push(db.drop);
  await (await openStoreAt({ engine: 'postgres', url: db.url })).close();
  const admin = new pg.Client(connectionOptions(db.url));
  await admin.connect();
  // What a standby does to every transaction, for this database's new sessions.
  await admin.query(`ALTER DATABASE ${new URL(db.url).pathname.slice(1)} SET default_transaction_read_only = on`);
  await admin.end();

  const store = await openStoreAt({ engine: 'postgres', url: db.url });
  try {
    assert.equal((await store.counts()).articles, 0);
    await assert.rejects(store.recordInputFailure('x.txt', 'no text'), /read-only transaction/);
  } finally {
    await store.close();
  }
});
