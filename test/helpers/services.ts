/**
 * The real services the scale-out tests use: PostgreSQL on 127.0.0.1:5432 (trust authentication) and NATS with
 * JetStream on 127.0.0.1:4222. Each test makes its own database (or stream names) and removes it; when a service is
 * not reachable the tests that need it skip with one line saying so.
 */
import { randomBytes } from 'node:crypto';
import { connect as tcp } from 'node:net';
import pg from 'pg';
import { connectionOptions } from '../../src/store/postgres/connect.ts';

export const PG_SERVER = process.env.DATELINE_TEST_PG ?? 'postgres://127.0.0.1:5432';
export const NATS_SERVER = process.env.DATELINE_TEST_NATS ?? 'nats://127.0.0.1:4222';

function reachable(url: string, port: number): Promise<boolean> {
  const { hostname, port: given } = new URL(url);
  return new Promise((resolve) => {
    const socket = tcp({ host: hostname, port: Number(given) || port, timeout: 1000 });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

async function postgresWorks(): Promise<boolean> {
  if (!(await reachable(PG_SERVER, 5432))) return false;
  const client = new pg.Client({ ...connectionOptions(`${PG_SERVER}/postgres`), connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** false when PostgreSQL can be used, else the one line a skipped test prints. */
export const skipPostgres: false | string = (await postgresWorks()) ? false : `needs PostgreSQL at ${PG_SERVER} (trust authentication); not reachable here`;
export const skipNats: false | string = (await reachable(NATS_SERVER, 4222)) ? false : `needs NATS with JetStream at ${NATS_SERVER}; not reachable here`;
export const skipScaleOut: false | string = skipPostgres || skipNats;

/** A fresh database of its own; `drop` removes it (closing what is still connected). */
export async function testDatabase(label: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `dateline_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client(connectionOptions(`${PG_SERVER}/postgres`));
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: `${PG_SERVER}/${name}`,
    async drop() {
      const client = new pg.Client(connectionOptions(`${PG_SERVER}/postgres`));
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** A stream name of its own (JetStream names: letters, digits, - and _). */
export function testStream(label: string): string {
  return `DATELINE_TEST_${label.toUpperCase()}_${randomBytes(4).toString('hex').toUpperCase()}`;
}
