/**
 * Compact lexicon files: named integer arrays and string lists in one buffer, written at build time
 * (`npm run build`) and read back in milliseconds: arrays are views on the file's bytes, a string list is one
 * decoded text cut on demand (no parsing, no per-entry objects at load).
 * Layout: u32 header length, JSON header (name → kind, offset, bytes, length), then the sections, 4-byte aligned;
 * a string list is its u32 start offsets (length + 1, in UTF-16 units) followed by its text in UTF-8.
 */

/** Strings packed in one text: `at(i)` cuts the i-th out. */
export class StringList {
  constructor(
    private readonly text: string,
    private readonly starts: Uint32Array,
  ) {}

  get length(): number {
    return this.starts.length - 1;
  }

  at(i: number): string {
    return this.text.slice(this.starts[i], this.starts[i + 1]);
  }

  /** Whether the i-th string is `s`, compared in place (no string made). */
  equals(i: number, s: string): boolean {
    const start = this.starts[i]!;
    if (this.starts[i + 1]! - start !== s.length) return false;
    for (let k = 0; k < s.length; k++) if (this.text.charCodeAt(start + k) !== s.charCodeAt(k)) return false;
    return true;
  }
}

/** FNV-1a over UTF-16 code units: where a key sits in a slot table (built and probed with this same function). */
function keyHash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}

/** An open-addressing table over `keys`: slot → key index + 1 (0: empty); a power of two, at least twice the keys. */
export function keySlots(keys: readonly string[]): Uint32Array {
  let size = 1;
  while (size < keys.length * 2) size *= 2;
  const slots = new Uint32Array(size);
  keys.forEach((key, i) => {
    let slot = keyHash(key) & (size - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (size - 1);
    slots[slot] = i + 1;
  });
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

export type PackedSection = Int32Array | Uint32Array | StringList;

type SectionKind = 'i32' | 'u32' | 'strings';

interface Header {
  /** offset and bytes within the sections; length in elements (strings: in strings). */
  sections: Record<string, { kind: SectionKind; offset: number; bytes: number; length: number }>;
}

export function pack(sections: Record<string, Int32Array | Uint32Array | readonly string[]>): Buffer {
  const header: Header = { sections: {} };
  const parts: Buffer[] = [];
  let offset = 0;
  for (const [name, section] of Object.entries(sections)) {
    let bytes: Buffer;
    let kind: SectionKind;
    if (section instanceof Int32Array || section instanceof Uint32Array) {
      kind = section instanceof Int32Array ? 'i32' : 'u32';
      bytes = Buffer.from(section.buffer, section.byteOffset, section.byteLength);
    } else {
      kind = 'strings';
      const starts = new Uint32Array(section.length + 1);
      section.forEach((s, i) => (starts[i + 1] = starts[i]! + s.length));
      bytes = Buffer.concat([Buffer.from(starts.buffer), Buffer.from(section.join(''), 'utf8')]);
    }
    header.sections[name] = { kind, offset, bytes: bytes.byteLength, length: kind === 'strings' ? section.length : bytes.byteLength / 4 };
    const padded = Math.ceil(bytes.byteLength / 4) * 4;
    parts.push(bytes, Buffer.alloc(padded - bytes.byteLength));
    offset += padded;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((4 + json.byteLength) / 4) * 4;
  const head = Buffer.alloc(start);
  head.writeUInt32LE(json.byteLength, 0);
  json.copy(head, 4);
  return Buffer.concat([head, ...parts]);
}

/** The sections of a packed buffer; integer arrays share its memory. */
export function unpack(buffer: Buffer): Map<string, PackedSection> {
  const jsonLength = buffer.readUInt32LE(0);
  const header = JSON.parse(buffer.toString('utf8', 4, 4 + jsonLength)) as Header;
  const start = Math.ceil((4 + jsonLength) / 4) * 4;
  // A view needs an aligned start; otherwise copy (Node's buffers start 8-byte aligned).
  const bytes = (buffer.byteOffset + start) % 4 === 0 ? buffer : Buffer.concat([buffer], buffer.byteLength);
  const base = bytes.byteOffset + start;
  const out = new Map<string, PackedSection>();
  for (const [name, { kind, offset, bytes: size, length }] of Object.entries(header.sections)) {
    if (kind === 'strings') {
      const starts = new Uint32Array(bytes.buffer as ArrayBuffer, base + offset, length + 1);
      out.set(name, new StringList(bytes.toString('utf8', start + offset + starts.byteLength, start + offset + size), starts));
    } else out.set(name, new (kind === 'i32' ? Int32Array : Uint32Array)(bytes.buffer as ArrayBuffer, base + offset, length));
  }
  return out;
}
