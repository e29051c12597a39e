/** Rows of data/lexicon/place-aliases.tsv (columns explained in its header) and place-stopwords.tsv. */
import { readFileSync } from 'node:fs';
import { dataPath, readTsv } from './tables.ts';

/** admin1: states and provinces; admin2: US counties and parishes; region: named regions outside the admin tables. */
export type PlaceKind = 'country' | 'admin1' | 'admin2' | 'city' | 'region' | 'water' | 'landmark';

export interface PlaceAlias {
  /** Rule id cited by records: "place-alias.washington-dc". */
  rule: string;
  names: string[];
  kind: PlaceKind;
  name: string;
  /** ISO alpha-3, a CAMEO region code (MEA, PGS...) or "" for open oceans. */
  country: string;
  geonameid: number | null;
  lat: number | null;
  lon: number | null;
  /** "US.TX" for first-level regions. */
  admin: string | null;
  /** Countries (alpha-3) whose mention in the article favours this reading. */
  near: string[];
  /** "only": the name means this place and no city of the same name. */
  only: boolean;
}

const KINDS = new Set<string>(['country', 'city', 'region', 'water', 'landmark']);

export function readPlaceAliases(): PlaceAlias[] {
  const path = dataPath('lexicon', 'place-aliases.tsv');
  return readTsv(path, 11).map(([id, names, kind, name, country, geonameid, lat, lon, admin, near, mode]) => {
    if (!KINDS.has(kind!)) throw new Error(`dateline: ${path}: row ${id} has kind "${kind}", expected country, city, region or water`);
    if (mode !== 'add' && mode !== 'only') throw new Error(`dateline: ${path}: row ${id} has mode "${mode}", expected add or only`);
    return {
      rule: `place-alias.${id}`,
      names: names!.split('|'),
      kind: kind as PlaceKind,
      name: name!,
      country: blank(country) ? '' : country!,
      geonameid: blank(geonameid) ? null : Number(geonameid),
      lat: blank(lat) ? null : Number(lat),
      lon: blank(lon) ? null : Number(lon),
      admin: blank(admin) ? null : admin!,
      near: blank(near) ? [] : near!.split(' '),
      only: mode === 'only',
    };
  });
}

/** Lower-case common words that name small towns ("most", "police"); see the file's header for how they are used. */
export function readPlaceStopwords(): Set<string> {
  const lines = readFileSync(dataPath('lexicon', 'place-stopwords.tsv'), 'utf8').split(/\r?\n/);
  return new Set(lines.map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#')));
}

function blank(cell: string | undefined): boolean {
  return cell === undefined || cell === '' || cell === '-';
}
