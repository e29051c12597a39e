/** Opaque page cursors: the keyset of the last item returned, base64url-encoded JSON. */
import { QueryError } from '../store/queryError.ts';

export function encodeCursor(keyset: object): string {
  return Buffer.from(JSON.stringify(keyset)).toString('base64url');
}

/** The keyset in a cursor, checked against the shape this query uses; a cursor from elsewhere is a 400. */
export function decodeCursor<T>(cursor: string | undefined, isKeyset: (value: Record<string, unknown>) => boolean): T | null {
  if (cursor === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !isKeyset(value as Record<string, unknown>)) {
    throw new QueryError('cursor', 'cursor is not one this API gave for this query; leave it out to start from the first page');
  }
  return value as T;
}

export const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
export const isString = (v: unknown): v is string => typeof v === 'string' && v.length <= 100;
