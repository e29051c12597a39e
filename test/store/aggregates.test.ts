import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countEvents, eventEvidence, eventsOverTime, mapSpots, spanEnd, spanStart, storeTotals, topActors, topDyads, topPlaces, topSpeakers } from '../../src/store/aggregates.ts';
import { openStore, type Db } from '../../src/store/db.ts';
import { sqliteSql } from '../../src/store/sql.ts';
import { StoreWriter } from '../../src/store/writer.ts';
import { BAGHDAD, rowsOf } from '../helpers/storeRecords.ts';

const SYRIA = { name: 'Syria', geonameid: null, country: 'SYR', lat: 35, lon: 38, kind: 'country' as const };

/** Three articles: US–Iran events at day, month and year granularity, a UN statement placed only in Syria, an unknown actor. */
function store(): Db {
  const db = openStore(':memory:');
  const writer = new StoreWriter(db);
  writer.write(
    rowsOf('The U.S. met Iran in Baghdad. Washington then attacked Iranian forces.', { id: 'a', source: 'Reuters', published: '2019-03-21' }, [
      { source: 'USAGOV', target: 'IRNGOV', code: '040', day: '2019-03-04', place: BAGHDAD, words: 'met' },
      { source: 'USA', target: 'IRN', code: '190', day: '2019-03-20', words: 'attacked' },
    ]),
  );
  writer.write(
    rowsOf('Iran accused the U.S. in March. The U.S. severed ties in 1980.', { id: 'b', source: 'AP', published: '2019-04-02' }, [
      { source: 'IRN', target: 'USA', code: '112', day: '2019-03', granularity: 'month', words: 'accused' },
      { source: 'USA', target: 'IRN', code: '161', day: '1980', granularity: 'year', words: 'severed ties' },
    ]),
  );
  writer.write(
    rowsOf('The United Nations urged Syria to talk. Gunmen fired on villagers.', { id: 'c', source: 'Wikinews', published: '2020-01-11' }, [
      { source: 'IGOUNO', target: 'SYRGOV', code: '043', day: '2020-01-10', place: SYRIA, words: 'urged' },
      { source: '---', target: '---CVL', code: '190', day: '', words: 'fired' },
    ]),
  );
  db.prepare("INSERT INTO entities (article_id, local_id, type, name, actor, rules) VALUES (3, 'e1', 'ORG', 'United Nations', 'IGOUNO', '[]'), (3, 'e2', 'ORG', 'UN', 'IGOUNO', '[]'), (3, 'e3', 'ORG', 'United Nations', 'IGOUNO', '[]')").run();
  const casualty = db.prepare(`INSERT INTO casualties (article_id, local_id, day, killed, wounded, place_name, geonameid, lat, lon, country, cumulative, claimed, start, "end", sentence, rules)
    VALUES (@article, @id, @day, @killed, @wounded, @name, @geonameid, @lat, @lon, @country, 0, 0, 0, 5, 0, '[]')`);
  casualty.run({ article: 1, id: 'cas1', day: '2019-03-20', killed: 4, wounded: 2, ...BAGHDAD });
  casualty.run({ article: 3, id: 'cas1', day: '2020-01-10', killed: 3, wounded: null, name: 'Syria', geonameid: null, lat: 35, lon: 38, country: 'SYR' });
  const quote = db.prepare(`INSERT INTO quotes (article_id, local_id, text, direct, fragment, speaker_name, speaker_actor, start, "end", sentence, rules) VALUES (?, ?, 'words', 1, 0, ?, ?, 0, 5, 0, '[]')`);
  quote.run(1, 'q1', 'Ryan Crocker', 'USAGOV');
  quote.run(1, 'q2', 'Ryan Crocker', 'USAGOV');
  quote.run(2, 'q1', 'Hassan Kazemi Qomi', 'IRNGOV');
  return db;
}

test('totals: articles, events (stored once) and their reports, quotes, casualties, dates', async () => {
  const totals = (await storeTotals(sqliteSql(store())));
  assert.deepEqual(
    { ...totals },
    {
      articles: 3,
      events: 6,
      eventReports: 6,
      undatedEvents: 1,
      quotes: 3,
      speakers: 2,
      casualtyIncidents: 2,
      actors: 6,
      places: 2,
      firstPublished: '2019-03-21',
      lastPublished: '2020-01-11',
      firstEvent: '1980-01-01',
      lastEvent: '2020-01-10',
    },
  );
});

test('events over time: a month-only or year-only date is a span of its own, never the first day of a finer bucket', async () => {
  const db = store();
  const monthly = (await eventsOverTime(sqliteSql(db), {}, 'month'));
  assert.deepEqual(
    monthly.buckets.map((b) => [b.start, b.end, b.unit, b.events, b.quadClass]),
    [
      ['1980-01-01', '1980-12-31', 'year', 1, { '1': 0, '2': 0, '3': 0, '4': 1 }],
      ['2019-03-01', '2019-03-31', 'month', 3, { '1': 1, '2': 0, '3': 1, '4': 1 }],
      ['2020-01-01', '2020-01-31', 'month', 1, { '1': 1, '2': 0, '3': 0, '4': 0 }],
    ],
  );
  assert.equal(monthly.undated, 1);
  const weekly = (await eventsOverTime(sqliteSql(db), { actor: 'USA' }, 'week'));
  assert.deepEqual(
    weekly.buckets.map((b) => [b.start, b.end, b.unit, b.events]),
    [
      ['1980-01-01', '1980-12-31', 'year', 1],
      ['2019-03-01', '2019-03-31', 'month', 1],
      ['2019-03-04', '2019-03-10', 'week', 1],
      ['2019-03-18', '2019-03-24', 'week', 1],
    ],
  );
  assert.equal((await eventsOverTime(sqliteSql(db), { source: 'IRN' }, 'year')).buckets.map((b) => `${b.start} ${b.events}`).join(), '2019-01-01 1');
  assert.equal(weekly.buckets[2]!.goldstein, 1);
});

test('spans: weeks start on Monday, months and years end on their last day', async () => {
  assert.equal(spanStart('2019-03-20', 'week'), '2019-03-18');
  assert.equal(spanStart('2019-03-17', 'week'), '2019-03-11');
  assert.equal(spanEnd('2020-02-01', 'month'), '2020-02-29');
  assert.equal(spanEnd('1980-01-01', 'year'), '1980-12-31');
  assert.equal(spanStart('1987-06-01', 'decade'), '1980-01-01');
  assert.equal(spanEnd('1980-01-01', 'decade'), '1989-12-31');
});

test('top dyads: per country (IGOs keep their own code) or per actor, named and typed; unknown sides counted apart', async () => {
  const db = store();
  const countries = (await topDyads(sqliteSql(db), {}, { level: 'country', limit: 10 }));
  assert.deepEqual(
    countries.dyads.map((d) => [d.source.actor, d.target.actor, d.events]),
    [
      ['USA', 'IRN', 3],
      ['IGOUNO', 'SYR', 1],
      ['IRN', 'USA', 1],
    ],
  );
  assert.equal(countries.unknown, 1);
  const un = countries.dyads[1]!;
  assert.deepEqual([un.source.name, un.source.kind, un.target.name, un.target.kind], ['United Nations', 'igo', 'Syria', 'state']);
  assert.deepEqual(countries.dyads[0]!.quadClass, { '1': 1, '2': 0, '3': 0, '4': 2 });
  // Inside one country the pair keeps its full codes: not "United States → United States".
  new StoreWriter(db).write(rowsOf('The White House rebuked the Democrats.', { id: 'd', published: '2020-02-01' }, [{ source: 'USAGOV', target: 'USAOPP', code: '111', day: '2020-02-01', words: 'rebuked' }]));
  const domestic = (await topDyads(sqliteSql(db), { from: '2020-02-01' }, { level: 'country', limit: 10 })).dyads;
  assert.deepEqual(domestic.map((d) => [d.source.actor, d.source.name, d.target.actor, d.target.name, d.target.kind]), [['USAGOV', 'United States government', 'USAOPP', 'United States opposition', 'group']]);
  const actors = await topDyads(sqliteSql(db), { from: '2019-01-01', to: '2020-01-31' }, { level: 'actor', limit: 2 });
  assert.deepEqual(
    actors.dyads.map((d) => [d.source.actor, d.source.name, d.target.actor, d.events]),
    [
      ['IGOUNO', 'United Nations', 'SYRGOV', 1],
      ['IRN', 'Iran', 'USA', 1],
    ],
  );
});

test('top actors leave out unknown countries and count what their event list holds; places rank by articles and say how to list their events', async () => {
  const db = store();
  const actors = (await topActors(sqliteSql(db), 20));
  assert.ok(actors.every((a) => !a.actor.startsWith('---')));
  assert.deepEqual(
    actors.slice(0, 2).map((a) => [a.actor, a.name, a.kind, a.events]),
    [
      ['IRN', 'Iran', 'state', 4],
      ['USA', 'United States', 'state', 4],
    ],
  );
  // Each count is what the events list of that actor holds (USA also counts USAGOV: codes match by prefix).
  for (const a of actors) assert.equal(a.events, await countEvents(sqliteSql(db), { actor: a.actor }), a.actor);
  assert.deepEqual(actors.find((a) => a.actor === 'USAGOV')?.label, 'United States government');
  const places = (await topPlaces(sqliteSql(db), 10));
  assert.deepEqual(
    places.map((p) => [p.name, p.kind, p.events, p.articles, p.filter]),
    [
      ['Baghdad', 'city', 1, 1, '98182'],
      ['Syria', 'country', 1, 1, 'Syria'],
    ],
  );
});

test('map spots: events and casualties per place; a country-level record says so', async () => {
  const spots = await mapSpots(sqliteSql(store()), {});
  assert.deepEqual(
    spots.map((s) => [s.name, s.kind, s.events, s.incidents, s.killed, s.wounded]),
    [
      ['Baghdad', 'city', 1, 1, 4, 2],
      ['Syria', 'country', 1, 1, 3, 0],
    ],
  );
  assert.deepEqual(
    (await mapSpots(sqliteSql(store()), { from: '2020-01-01', events: false })).map((s) => [s.name, s.events, s.incidents]),
    [['Syria', 0, 1]],
  );
  // A country with a GeoNames id is still a country, not a town.
  const db = store();
  const writer = new StoreWriter(db);
  writer.write(rowsOf('Fighting in Yemen went on.', { id: 'y', published: '2020-03-01' }, [{ source: 'YEM', target: 'SAU', code: '190', day: '2020-03-01', place: { name: 'Yemen', geonameid: 69543, country: 'YEM', lat: 15.5, lon: 47.5, kind: 'country' }, words: 'Fighting' }]));
  db.prepare(`INSERT INTO casualties (article_id, local_id, day, killed, place_name, geonameid, lat, lon, country, cumulative, claimed, start, "end", sentence, rules) VALUES (4, 'cas1', '2020-03-01', 9, 'Yemen', 69543, 15.5, 47.5, 'YEM', 0, 0, 0, 5, 0, '[]')`).run();
  const yemen = (await mapSpots(sqliteSql(db), { from: '2020-03-01', events: false })).find((s) => s.name === 'Yemen');
  assert.deepEqual([yemen?.kind, yemen?.events, yemen?.incidents, yemen?.killed], ['country', 0, 1, 9]);
});

test('the count behind a filtered list, the speakers quoted most, and the words behind each event', async () => {
  const db = store();
  assert.equal((await countEvents(sqliteSql(db), {})), 6);
  assert.equal((await countEvents(sqliteSql(db), { source: 'USA', target: 'IRN' })), 3);
  assert.equal((await countEvents(sqliteSql(db), { quad: 4, from: '2000-01-01' })), 1);
  assert.deepEqual((await topSpeakers(sqliteSql(db), { limit: 5 })), [
    { name: 'Ryan Crocker', actor: 'USAGOV', quotes: 2 },
    { name: 'Hassan Kazemi Qomi', actor: 'IRNGOV', quotes: 1 },
  ]);
  assert.deepEqual((await topSpeakers(sqliteSql(db), { q: 'kazemi', limit: 5 })).map((s) => s.name), ['Hassan Kazemi Qomi']);
  const ids = (db.prepare('SELECT id FROM events ORDER BY id').all() as { id: number }[]).map((r) => r.id);
  const evidence = await eventEvidence(sqliteSql(db), ids);
  // The whole sentence (here the article is one), with the trigger words located in it.
  const severed = evidence.get(ids[3]!)!;
  assert.equal(severed.text, 'Iran accused the U.S. in March. The U.S. severed ties in 1980.');
  assert.equal(severed.text.slice(...severed.trigger), 'severed ties');
  assert.equal(severed.article, 2);
});
