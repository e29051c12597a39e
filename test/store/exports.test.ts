import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/store/db.ts';
import { exportEvents, GDELT_COLUMNS } from '../../src/store/exports.ts';
import { sqliteSql } from '../../src/store/sql.ts';
import { StoreWriter } from '../../src/store/writer.ts';
import { BAGHDAD, rowsOf } from '../helpers/storeRecords.ts';

/** The GDELT 2.0 event table, as its codebook lists it. */
const GDELT_2_EVENT_TABLE = [
  'GLOBALEVENTID', 'SQLDATE', 'MonthYear', 'Year', 'FractionDate',
  'Actor1Code', 'Actor1Name', 'Actor1CountryCode', 'Actor1KnownGroupCode', 'Actor1EthnicCode', 'Actor1Religion1Code', 'Actor1Religion2Code', 'Actor1Type1Code', 'Actor1Type2Code', 'Actor1Type3Code',
  'Actor2Code', 'Actor2Name', 'Actor2CountryCode', 'Actor2KnownGroupCode', 'Actor2EthnicCode', 'Actor2Religion1Code', 'Actor2Religion2Code', 'Actor2Type1Code', 'Actor2Type2Code', 'Actor2Type3Code',
  'IsRootEvent', 'EventCode', 'EventBaseCode', 'EventRootCode', 'QuadClass', 'GoldsteinScale', 'NumMentions', 'NumSources', 'NumArticles', 'AvgTone',
  'Actor1Geo_Type', 'Actor1Geo_FullName', 'Actor1Geo_CountryCode', 'Actor1Geo_ADM1Code', 'Actor1Geo_ADM2Code', 'Actor1Geo_Lat', 'Actor1Geo_Long', 'Actor1Geo_FeatureID',
  'Actor2Geo_Type', 'Actor2Geo_FullName', 'Actor2Geo_CountryCode', 'Actor2Geo_ADM1Code', 'Actor2Geo_ADM2Code', 'Actor2Geo_Lat', 'Actor2Geo_Long', 'Actor2Geo_FeatureID',
  'ActionGeo_Type', 'ActionGeo_FullName', 'ActionGeo_CountryCode', 'ActionGeo_ADM1Code', 'ActionGeo_ADM2Code', 'ActionGeo_Lat', 'ActionGeo_Long', 'ActionGeo_FeatureID',
  'DATEADDED', 'SOURCEURL',
];

const db = openStore(':memory:');
const writer = new StoreWriter(db);
writer.write(rowsOf('The U.S. government urged Iran, in Baghdad.', { id: 'a', url: 'https://news.example/a', source: 'Reuters' }, [{ source: 'USAGOV', target: 'IRN', code: '0251', day: '2007-05-28', place: BAGHDAD, words: 'urged' }]));
writer.write(rowsOf('Civilians protested, "at home".', { id: 'b' }, [{ source: '---CVL', target: null, code: '140', day: '', words: 'protested' }]));
const lines = async (format: 'gdelt' | 'csv' | 'jsonl') => {
  let text = '';
  for await (const chunk of exportEvents(sqliteSql(db), format, {})) text += chunk;
  return text.split('\n').filter(Boolean);
};

test('the GDELT export has the 61 columns of the GDELT 2.0 event table, in its order', async () => {
  assert.equal(GDELT_COLUMNS.length, 61);
  assert.deepEqual(GDELT_COLUMNS.map((c) => c.name), GDELT_2_EVENT_TABLE);
  const rows = await lines('gdelt');
  assert.equal(rows.length, 2);
  for (const row of rows) assert.equal(row.split('\t').length, 61);
});

test('GDELT fields land in their columns', async () => {
  const row = (await lines('gdelt')).map((l) => l.split('\t')).find((f) => f[26] === '0251')!;
  const field = (name: string) => row[GDELT_2_EVENT_TABLE.indexOf(name)];
  assert.equal(field('SQLDATE'), '20070528');
  assert.equal(field('MonthYear'), '200705');
  assert.equal(field('Year'), '2007');
  assert.equal(field('Actor1Code'), 'USAGOV');
  assert.equal(field('Actor1CountryCode'), 'USA');
  assert.equal(field('Actor1Type1Code'), 'GOV');
  assert.equal(field('Actor2Code'), 'IRN');
  assert.equal(field('EventBaseCode'), '025');
  assert.equal(field('EventRootCode'), '02');
  assert.equal(field('QuadClass'), '1');
  assert.equal(field('NumArticles'), '1');
  assert.equal(field('AvgTone'), '');
  assert.equal(field('Actor1Geo_FullName'), '');
  assert.equal(field('ActionGeo_Type'), '4');
  assert.equal(field('ActionGeo_FullName'), 'Baghdad');
  assert.equal(field('ActionGeo_FeatureID'), '98182');
  assert.equal(field('SOURCEURL'), 'https://news.example/a');
  assert.match(field('DATEADDED')!, /^\d{14}$/);
});

test('an unknown date and an unknown-country actor leave their fields empty', async () => {
  const row = (await lines('gdelt')).map((l) => l.split('\t')).find((f) => f[26] === '140')!;
  assert.equal(row[1], '');
  assert.equal(row[5], 'CVL', '"---CVL" is GDELT\'s CVL');
  assert.equal(row[7], '');
  assert.equal(row[12], 'CVL');
  assert.equal(row[15], '', 'no target');
});

test('CSV has a header in the same order and quotes fields with commas and quotes', async () => {
  const [header, ...rows] = await lines('csv');
  assert.equal(header, GDELT_2_EVENT_TABLE.join(','));
  assert.equal(rows.length, 2);
});

test('JSON lines are the API\'s event objects', async () => {
  const events = (await lines('jsonl')).map((l) => JSON.parse(l) as { code: string; source: { actor: string }; numArticles: number });
  assert.deepEqual(events.map((e) => e.code).sort(), ['0251', '140']);
});
