/**
 * An open-addressing hash table from 32-bit feature keys to dense row numbers, in typed arrays (linear
 * probing, at most half full). Key 0 marks an empty slot, so a hashed feature is never 0 (see features.ts).
 */
export class FeatureIndex {
  private keys: Int32Array;
  private rowsAt: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.rowsAt = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  /** Row of a key, or -1. */
  get(key: number): number {
    const keys = this.keys;
    const mask = this.mask;
    let slot = mix(key) & mask;
    for (;;) {
      const found = keys[slot]!;
      if (found === key) return this.rowsAt[slot]!;
      if (found === 0) return -1;
      slot = (slot + 1) & mask;
    }
  }

  /** Row of a key, adding it with the next row number when new. */
  add(key: number): number {
    let slot = mix(key) & this.mask;
    for (;;) {
      const found = this.keys[slot]!;
      if (found === key) return this.rowsAt[slot]!;
      if (found === 0) break;
      slot = (slot + 1) & this.mask;
    }
    const row = this.size++;
    this.keys[slot] = key;
    this.rowsAt[slot] = row;
    if (this.size * 2 > this.keys.length) this.grow();
    return row;
  }

  /** Every key by row number. */
  keysByRow(): Int32Array {
    const out = new Int32Array(this.size);
    for (let slot = 0; slot < this.keys.length; slot++) if (this.keys[slot] !== 0) out[this.rowsAt[slot]!] = this.keys[slot]!;
    return out;
  }

  private grow(): void {
    const keys = this.keys;
    const rows = this.rowsAt;
    this.keys = new Int32Array(keys.length * 2);
    this.rowsAt = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      if (key === 0) continue;
      let slot = mix(key) & this.mask;
      while (this.keys[slot] !== 0) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rowsAt[slot] = rows[k]!;
    }
  }
}

/** Feature keys are already hashes; one more multiply spreads them over the slots' low bits. */
function mix(key: number): number {
  return Math.imul(key, 0x9e3779b1) >>> 7;
}
