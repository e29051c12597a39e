/**
 * Near-duplicate articles (a wire story republished with a new headline or a trimmed last paragraph):
 * MinHash over 5-word shingles, with LSH bands so candidates are found by index lookups, then confirmed by the
 * share of equal signature positions (an estimate of the Jaccard similarity of the two shingle sets).
 */

const HASHES = 64;
const BAND_ROWS = 4;
const SHINGLE = 5;
export const BANDS = HASHES / BAND_ROWS;
/** Estimated Jaccard similarity at or above which two articles are the same copy. */
export const NEAR_DUPLICATE = 0.8;

const SEEDS = Uint32Array.from({ length: HASHES }, (_, i) => fmix32(0x9e3779b9 * (i + 1)));

/** The MinHash signature of a text, or null when it has no words. */
export function minhash(text: string): Uint32Array | null {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu);
  if (!words) return null;
  const wordHashes = words.map(hashString);
  const signature = new Uint32Array(HASHES).fill(0xffffffff);
  const shingles = Math.max(1, wordHashes.length - SHINGLE + 1);
  for (let s = 0; s < shingles; s++) {
    let h = 0;
    for (let k = s; k < Math.min(s + SHINGLE, wordHashes.length); k++) h = Math.imul(h ^ wordHashes[k]!, 0x01000193) + k - s;
    h = fmix32(h);
    for (let i = 0; i < HASHES; i++) {
      const v = fmix32(h ^ SEEDS[i]!);
      if (v < signature[i]!) signature[i] = v;
    }
  }
  return signature;
}

/** One key per band: articles sharing any key are candidates. Keys are integers below 2^53 (band × 2^32 + hash). */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = b;
    for (let r = 0; r < BAND_ROWS; r++) h = fmix32(Math.imul(h, 0x01000193) ^ signature[b * BAND_ROWS + r]!);
    keys.push(b * 0x100000000 + h);
  }
  return keys;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < HASHES; i++) if (a[i] === b[i]) same++;
  return same / HASHES;
}

function hashString(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** MurmurHash3's finaliser: spreads every input bit over the output. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
