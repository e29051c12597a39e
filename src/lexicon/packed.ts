/**
 * Compact lexicon files: named integer arrays and string lists in one buffer, written at build time
 * (`npm run build`) and read back in milliseconds: arrays are views on the file's bytes, a string list is its
 * UTF-8 bytes, decoded one string at a time on demand (no parsing, no per-entry objects at load).
 * Layout: u32 header length, JSON header (name → kind, offset, bytes, length), then the sections, 8-byte aligned;
 * a string list is its u32 start offsets (length + 1, in bytes) followed by its text in UTF-8.
 */

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings packed in one UTF-8 text, left as bytes: `at(i)` decodes the i-th, `equals` compares in place, so that
 * loading a list decodes nothing.
 */
export class StringList {
  /** `starts`: byte offsets in `bytes`, one per string and one past the end. */
  constructor(
    private readonly bytes: Buffer,
    private readonly starts: Uint32Array,
  ) {}

  static of(strings: readonly string[]): StringList {
    const starts = new Uint32Array(strings.length + 1);
    strings.forEach((s, i) => (starts[i + 1] = starts[i]! + Buffer.byteLength(s, 'utf8')));
    return new StringList(Buffer.from(strings.join(''), 'utf8'), starts);
  }

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.bytes.toString('utf8', this.starts[i], this.starts[i + 1]);
  }

  /** Whether the i-th string is `s`, compared in place (no string made). */
  equals(i: number, s: string): boolean {
    return this.equalsJoined(i, s, '');
  }

  /** Whether the i-th string is `a + b + c + d + e`, compared in place (no string made for ASCII text). */
  equalsJoined(i: number, a: string, b: string, c = '', d = '', e = ''): boolean {
    const start = this.starts[i]!;
    const size = this.starts[i + 1]! - start;
    const units = a.length + b.length + c.length + d.length + e.length;
    // UTF-8 takes one byte per UTF-16 unit for ASCII and more for anything else: equal counts mean ASCII on both sides
    if (size < units) return false;
    if (size > units) {
      const joined = a + b + c + d + e;
      // a lone surrogate would be encoded as U+FFFD, which it is not
      return !LONE_SURROGATE.test(joined) && this.bytes.subarray(start, start + size).equals(Buffer.from(joined, 'utf8'));
    }
    let at = start;
    return (at = this.asciiAt(at, a)) >= 0 && (at = this.asciiAt(at, b)) >= 0 && (at = this.asciiAt(at, c)) >= 0 && (at = this.asciiAt(at, d)) >= 0 && this.asciiAt(at, e) >= 0;
  }

  /** The byte after `part` when the bytes from `at` on are `part` (ASCII), else -1. */
  private asciiAt(at: number, part: string): number {
    const bytes = this.bytes;
    for (let k = 0; k < part.length; k++) {
      const c = part.charCodeAt(k);
      if (c >= 0x80 || bytes[at + k] !== c) return -1;
    }
    return at + part.length;
  }
}

/** Start of an FNV-1a hash (see hashOn). */
export const HASH_START = 0x811c9dc5;

/**
 * FNV-1a over UTF-16 code units, going on from `h`: hashOn(hashOn(HASH_START, a), b) is the hash of a + b, so that a
 * key made of parts is found without joining them.
 */
export function hashOn(h: number, s: string): number {
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** Where a key sits in a slot table (built and probed with this same function). */
function keyHash(s: string): number {
  return hashOn(HASH_START, s) >>> 0;
}

/** An open-addressing table over `keys`: slot → key index + 1 (0: empty); a power of two, at least twice the keys. */
export function keySlots(keys: readonly string[]): Uint32Array {
  return slotTable(keys.length, (i) => keyHash(keys[i]!));
}

/** The slot table of `count` keys whose hashes `hashOf` gives (probed from `hash & (slots.length - 1)` on). */
export function slotTable(count: number, hashOf: (i: number) => number): Uint32Array {
  let size = 1;
  while (size < count * 2) size *= 2;
  const slots = new Uint32Array(size);
  for (let i = 0; i < count; i++) {
    let slot = hashOf(i) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = i + 1;
  }
  return slots;
}

/** The index of `key` among `keys` through their slot table, or -1. */
export function findKey(keys: StringList, slots: Uint32Array, key: string): number {
  const mask = slots.length - 1;
  for (let slot = keyHash(key) & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
    const i = slots[slot]! - 1;
    if (keys.equals(i, key)) return i;
  }
  return -1;
}

export type PackedSection = Int8Array | Int32Array | Uint32Array | Float32Array | Float64Array | StringList;

type NumberArray = Exclude<PackedSection, StringList>;

type SectionKind = 'i8' | 'i32' | 'u32' | 'f32' | 'f64' | 'strings';

const ARRAYS = { i8: Int8Array, i32: Int32Array, u32: Uint32Array, f32: Float32Array, f64: Float64Array } as const;

function kindOf(section: NumberArray): Exclude<SectionKind, 'strings'> {
  if (section instanceof Int8Array) return 'i8';
  return section instanceof Int32Array ? 'i32' : section instanceof Uint32Array ? 'u32' : section instanceof Float32Array ? 'f32' : 'f64';
}

interface Header {
  /** offset and bytes within the sections; length in elements (strings: in strings). */
  sections: Record<string, { kind: SectionKind; offset: number; bytes: number; length: number }>;
}

export function pack(sections: Record<string, NumberArray | readonly string[]>): Buffer {
  const header: Header = { sections: {} };
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, section] of Object.entries(sections)) {
    let bytes: Buffer;
    let kind: SectionKind;
    if (ArrayBuffer.isView(section)) {
      kind = kindOf(section);
      bytes = Buffer.from(section.buffer, section.byteOffset, section.byteLength);
    } else {
      kind = 'strings';
      const starts = new Uint32Array(section.length + 1);
      section.forEach((s, i) => (starts[i + 1] = starts[i]! + Buffer.byteLength(s, 'utf8')));
      bytes = Buffer.concat([Buffer.from(starts.buffer), Buffer.from(section.join(''), 'utf8')]);
    }
    header.sections[name] = { kind, offset, bytes: bytes.byteLength, length: kind === 'strings' ? section.length : bytes.byteLength / ARRAYS[kind].BYTES_PER_ELEMENT };
    const padded = Math.ceil(bytes.byteLength / 8) * 8;
    parts.push(bytes, Buffer.alloc(padded - bytes.byteLength));
    offset += padded;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((4 + json.byteLength) / 8) * 8;
  const head = Buffer.alloc(start);
  head.writeUInt32LE(json.byteLength, 0);
  json.copy(head, 4);
  return Buffer.concat([head, ...parts]);
}

/** The sections of a packed buffer; integer arrays share its memory. */
export function unpack(buffer: Buffer): Map<string, PackedSection> {
  const jsonLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + jsonLength)) as Header;
  const start = Math.ceil((4 + jsonLength) / 8) * 8;
  // A view needs an aligned start; otherwise copy (Node's buffers start 8-byte aligned).
  const bytes = (buffer.byteOffset + start) % 8 === 0 ? buffer : Buffer.concat([buffer], buffer.byteLength);
  const base = bytes.byteOffset + start;
  const out = new Map<string, PackedSection>();
  for (const [name, { kind, offset, bytes: size, length }] of Object.entries(header.sections)) {
    if (kind === 'strings') {
      const starts = new Uint32Array(bytes.buffer as ArrayBuffer, base + offset, length + 1);
      out.set(name, new StringList(bytes.subarray(start + offset + starts.byteLength, start + offset + size), starts));
    } else out.set(name, new ARRAYS[kind](bytes.buffer as ArrayBuffer, base + offset, length));
  }
  return out;
}
