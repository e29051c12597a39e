/** Checks a schema cannot express: from ≤ to, a well-formed box. */
import type { Bbox } from '../store/events.ts';
import { QueryError } from '../store/queryError.ts';

export function checkRange(from: string | undefined, to: string | undefined): void {
  if (from && to && from > to) throw new QueryError('from', `from (${from}) is after to (${to}); swap them`);
}

export function parseBbox(text: string | undefined): Bbox | undefined {
  if (text === undefined) return undefined;
  const [west, south, east, north] = text.split(',').map((n) => Number(n.trim())) as [number, number, number, number];
  if (![west, east].every((lon) => lon >= -180 && lon <= 180)) throw new QueryError('bbox', `bbox longitudes must be between -180 and 180; got ${text}`);
  if (![south, north].every((lat) => lat >= -90 && lat <= 90)) throw new QueryError('bbox', `bbox latitudes must be between -90 and 90; got ${text}`);
  if (south > north) throw new QueryError('bbox', `bbox is west,south,east,north and south (${south}) is above north (${north})`);
  return { west, south, east, north };
}
