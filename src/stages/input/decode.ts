/** Bytes → text: BOMs, UTF-8 (invalid bytes become U+FFFD), Windows-1252 fallback, and refusal of binary data. */

export type Decoded =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'; warning: string | null }
  | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const utf8Lenient = new TextDecoder('utf-8');

/** `records`: a file of records, where a NUL byte fails only the record it is in, not the file. */
export function decodeBytes(bytes: Uint8Array, options: { records?: boolean } = {}): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeUtf8(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warning: null };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warning: null };
  if (!options.records && looksBinary(bytes)) return { ok: false, reason: 'it looks like a binary file, not text, HTML or JSON' };
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): Decoded {
  try {
    return { ok: true, text: utf8.decode(bytes), encoding: 'utf-8', warning: null };
  } catch {
    // Text with no multi-byte UTF-8 at all and bytes over 0x7F is nearly always Windows-1252 (a superset of Latin-1);
    // UTF-8 text with a stray bad byte stays UTF-8, the byte marked.
    if (!hasMultiByteUtf8(bytes)) return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252', warning: null };
    const text = utf8Lenient.decode(bytes);
    const replaced = countChar(text, '\uFFFD') - countBytes(bytes, [0xef, 0xbf, 0xbd]);
    const warning = `${replaced} byte${replaced === 1 ? ' that is' : 's that are'} not valid UTF-8 ${replaced === 1 ? 'was' : 'were'} replaced by U+FFFD (\uFFFD)`;
    return { ok: true, text, encoding: 'utf-8', warning };
  }
}

/** A well-formed 2–4 byte UTF-8 sequence anywhere in the bytes. */
function hasMultiByteUtf8(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0xc2 || b > 0xf4) continue;
    const length = b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let k = 1;
    while (k < length && ((bytes[i + k] ?? 0) & 0xc0) === 0x80) k++;
    if (k === length) return true;
  }
  return false;
}

function countChar(text: string, ch: string): number {
  let n = 0;
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++;
  return n;
}

function countBytes(bytes: Uint8Array, sequence: readonly number[]): number {
  let n = 0;
  for (let i = bytes.indexOf(sequence[0]!); i >= 0; i = bytes.indexOf(sequence[0]!, i + 1)) if (sequence.every((b, k) => bytes[i + k] === b)) n++;
  return n;
}

/** 0x80–0x9F of Windows-1252 (Node's TextDecoder may decode 'windows-1252' as plain Latin-1 there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)));
  }
  return out;
}

/** NUL bytes, or many control characters in the first 8 kB, mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
