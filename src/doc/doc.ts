/**
 * The Doc: one article, built once and read by every stage. It holds the text (every offset points into it),
 * the tokens and sentences of the segment stage, the dependency tree of the parse stage, and one layer per
 * later stage. Lookups that several stages need (token at offset, entity / place / actor / date at token,
 * time tokens) are built here once, when the layer they index is set, never re-derived inside a stage.
 */
import type { ActorMention, ArticleInput, NumericEntity, Segmented, SentenceInfo, Token } from '../model/analysis.ts';
import type { ArticleTopic, Casualty, Credit, DateRecord, Dateline, Entity, Event, Mention, Message, Place, Quote } from '../model/record.ts';

/** What the clean stage finds: body paragraphs and the parts it set aside, as spans of the original text. */
export interface CleanLayer {
  paragraphs: { start: number; end: number }[];
  title: { text: string; start: number; end: number } | null;
  dateline: (Dateline & { rule: string; date: string | null }) | null;
  credits: Credit[];
  furniture: { start: number; end: number; rule: string }[];
}

/** The dependency tree: per token, the article-wide index of its head (-1 for a sentence root) and its UD relation. */
export interface TreeLayer {
  heads: Int32Array;
  deprels: string[];
}

export interface PlacesLayer {
  places: Place[];
  /** Place id of the dateline, when it resolved. */
  datelinePlaceId: string | null;
}

export interface EntityMentionRef {
  entity: Entity;
  mention: Mention;
}

/** Deictic time words that stand for a date without a date record ("today", "yesterday", "now"). */
const TIME_WORDS = new Set(['today', 'yesterday', 'tomorrow', 'tonight', 'now', 'recently', 'earlier', 'later']);
const TIME_ENTITY_TYPES = new Set(['DATE', 'TIME', 'DURATION']);

export class Doc implements Segmented {
  readonly input: ArticleInput;
  readonly text: string;
  readonly published: string | null;
  readonly messages: Message[];

  tokens: Token[] = [];
  sentences: SentenceInfo[] = [];
  /** wink's number and date entities (CARDINAL, DATE, DURATION, ORDINAL…). */
  numeric: NumericEntity[] = [];
  tree: TreeLayer | null = null;
  /** What the article is about (topic stage). */
  topic: ArticleTopic | null = null;

  private cleanLayer: CleanLayer | null = null;
  private entityLayer: Entity[] | null = null;
  private placesLayer: PlacesLayer | null = null;
  private actorLayer: ActorMention[] | null = null;
  private dateLayer: DateRecord[] | null = null;
  casualties: Casualty[] | null = null;
  events: Event[] | null = null;
  quotes: Quote[] | null = null;

  private entityIndex: (EntityMentionRef | undefined)[] | null = null;
  private entityById: Map<string, Entity> | null = null;
  private mentionList: EntityMentionRef[] | null = null;
  private placeIndex: (Place | undefined)[] | null = null;
  private actorIndex: (ActorMention | undefined)[] | null = null;
  private dateIndex: (DateRecord | undefined)[] | null = null;
  private timeIndex: Uint8Array | null = null;
  private childIndex: Int32Array[] | null = null;

  constructor(input: ArticleInput) {
    this.input = input;
    this.text = input.text;
    this.published = input.published;
    this.messages = [...input.messages];
  }

  // ---- layers ----------------------------------------------------------------------------------------------

  get clean(): CleanLayer {
    return required(this.cleanLayer, 'clean');
  }
  set clean(value: CleanLayer) {
    this.cleanLayer = value;
  }

  get entities(): Entity[] {
    return required(this.entityLayer, 'entities');
  }
  set entities(value: Entity[]) {
    this.entityLayer = value;
    this.entityIndex = null;
    this.entityById = null;
    this.mentionList = null;
  }

  get places(): PlacesLayer {
    return required(this.placesLayer, 'places');
  }
  set places(value: PlacesLayer) {
    this.placesLayer = value;
    this.placeIndex = null;
  }

  get actors(): ActorMention[] {
    return required(this.actorLayer, 'actors');
  }
  set actors(value: ActorMention[]) {
    this.actorLayer = value;
    this.actorIndex = null;
  }

  get dates(): DateRecord[] {
    return required(this.dateLayer, 'dates');
  }
  set dates(value: DateRecord[]) {
    this.dateLayer = value;
    this.dateIndex = null;
    this.timeIndex = null;
  }

  hasLayer(name: 'entities' | 'places' | 'actors' | 'dates'): boolean {
    return { entities: this.entityLayer, places: this.placesLayer, actors: this.actorLayer, dates: this.dateLayer }[name] !== null;
  }

  // ---- tokens ----------------------------------------------------------------------------------------------

  /** Index of the token that contains `offset`, or -1 when the offset falls between tokens or outside them. */
  tokenAt(offset: number): number {
    const i = this.tokenCovering(offset);
    const t = this.tokens[i];
    return t && t.start <= offset && offset < t.end ? i : -1;
  }

  /** Index of the first token that starts at or after `offset` (tokens.length when none does). */
  tokenAtOrAfter(offset: number): number {
    const { tokens } = this;
    let lo = 0;
    let hi = tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tokens[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the token that covers `offset`, or of the next one after it. */
  tokenCovering(offset: number): number {
    const i = this.tokenAtOrAfter(offset);
    const prev = this.tokens[i - 1];
    return prev && prev.end > offset ? i - 1 : i;
  }

  /** The tokens a character span covers, as [firstToken, endToken); empty (first === end) when it covers none. */
  tokenRange(start: number, end: number): { firstToken: number; endToken: number } {
    const firstToken = this.tokenCovering(start);
    let endToken = firstToken;
    while (endToken < this.tokens.length && this.tokens[endToken]!.start < end) endToken++;
    return { firstToken, endToken };
  }

  /** Paragraph number of the sentence that holds `offset`. */
  paragraphOf(offset: number): number {
    const token = this.tokens[this.tokenCovering(offset)] ?? this.tokens[this.tokens.length - 1];
    return token ? (this.sentences[token.sentence]?.paragraph ?? 0) : 0;
  }

  // ---- lookups over layers ---------------------------------------------------------------------------------

  /** The entity mention that covers token i (the longest, when mentions nest). */
  entityAt(i: number): EntityMentionRef | undefined {
    if (!this.entityIndex) {
      const index: (EntityMentionRef | undefined)[] = new Array(this.tokens.length);
      for (const ref of this.entityMentions()) {
        const { firstToken, endToken } = this.tokenRange(ref.mention.start, ref.mention.end);
        for (let k = firstToken; k < endToken; k++) {
          const current = index[k];
          if (!current || current.mention.end - current.mention.start < ref.mention.end - ref.mention.start) index[k] = ref;
        }
      }
      this.entityIndex = index;
    }
    return this.entityIndex[i];
  }

  /** The entity with this id (the `entity` of an actor mention or an event side). */
  entity(id: string): Entity | undefined {
    this.entityById ??= new Map(this.entities.map((e) => [e.id, e]));
    return this.entityById.get(id);
  }

  /** Every entity mention (names, surnames, pronouns, demonyms…), in text order: the article's mention chains. */
  entityMentions(): readonly EntityMentionRef[] {
    if (!this.mentionList) {
      this.mentionList = this.entities.flatMap((entity) => entity.mentions.map((mention) => ({ entity, mention }))).sort((a, b) => a.mention.start - b.mention.start || b.mention.end - a.mention.end);
    }
    return this.mentionList;
  }

  /** The place one of whose mentions covers token i. */
  placeAt(i: number): Place | undefined {
    if (!this.placeIndex) {
      const index: (Place | undefined)[] = new Array(this.tokens.length);
      for (const place of this.places.places) {
        for (const m of place.mentions) {
          const { firstToken, endToken } = this.tokenRange(m.start, m.end);
          for (let k = firstToken; k < endToken; k++) index[k] ??= place;
        }
      }
      this.placeIndex = index;
    }
    return this.placeIndex[i];
  }

  /** The actor mention that covers token i (the longest, when they nest). */
  actorAt(i: number): ActorMention | undefined {
    if (!this.actorIndex) {
      const index: (ActorMention | undefined)[] = new Array(this.tokens.length);
      for (const m of this.actors) {
        for (let k = m.firstToken; k < m.endToken; k++) {
          const current = index[k];
          if (!current || current.endToken - current.firstToken < m.endToken - m.firstToken) index[k] = m;
        }
      }
      this.actorIndex = index;
    }
    return this.actorIndex[i];
  }

  /** The date record that covers token i. */
  dateAt(i: number): DateRecord | undefined {
    if (!this.dateIndex) {
      const index: (DateRecord | undefined)[] = new Array(this.tokens.length);
      for (const d of this.dates) {
        const { firstToken, endToken } = this.tokenRange(d.start, d.end);
        for (let k = firstToken; k < endToken; k++) index[k] ??= d;
      }
      this.dateIndex = index;
    }
    return this.dateIndex[i];
  }

  /**
   * Token i is part of a time expression: a date record, a wink DATE / TIME / DURATION entity ("two hours",
   * "Monday night"), or a deictic time word ("today", "now"). The one definition every stage uses.
   */
  isTime(i: number): boolean {
    if (!this.timeIndex) {
      const index = new Uint8Array(this.tokens.length);
      for (let k = 0; k < this.tokens.length; k++) if (TIME_WORDS.has(this.tokens[k]!.normal)) index[k] = 1;
      for (const n of this.numeric) if (TIME_ENTITY_TYPES.has(n.type)) index.fill(1, n.firstToken, n.endToken);
      if (this.dateLayer) for (const d of this.dateLayer) {
        const { firstToken, endToken } = this.tokenRange(d.start, d.end);
        index.fill(1, firstToken, endToken);
      }
      this.timeIndex = index;
    }
    return this.timeIndex[i] === 1;
  }

  // ---- the dependency tree ---------------------------------------------------------------------------------

  /** Head of token i (article-wide index), -1 for a root or before the parse. */
  head(i: number): number {
    return this.tree ? this.tree.heads[i]! : -1;
  }

  /** UD relation of token i to its head ("nsubj", "obl:agent"…); '' before the parse. */
  deprel(i: number): string {
    return this.tree ? (this.tree.deprels[i] ?? '') : '';
  }

  /** Dependents of token i in text order, optionally only those with relation `rel` (or a subtype of it: "obl" matches "obl:tmod"). */
  children(i: number, rel?: string): number[] {
    if (!this.tree) return [];
    if (!this.childIndex) {
      const lists: number[][] = this.tokens.map(() => []);
      const { heads } = this.tree;
      for (let k = 0; k < heads.length; k++) if (heads[k]! >= 0) lists[heads[k]!]!.push(k);
      this.childIndex = lists.map((l) => Int32Array.from(l));
    }
    const all = [...this.childIndex[i]!];
    return rel === undefined ? all : all.filter((k) => hasRelation(this.deprel(k), rel));
  }

  /** The token of a span whose head lies outside it: "militias" in "Shi’ite militias in Iraq". */
  spanHead(firstToken: number, endToken: number): number {
    for (let k = firstToken; k < endToken; k++) if (this.head(k) < firstToken || this.head(k) >= endToken) return k;
    return endToken - 1;
  }

  /** Token i and everything below it, as [firstToken, endToken) (UD trees from the parser are projective). */
  subtree(i: number): { firstToken: number; endToken: number } {
    let first = i;
    let last = i;
    const stack = [i];
    while (stack.length > 0) {
      const k = stack.pop()!;
      if (k < first) first = k;
      if (k > last) last = k;
      stack.push(...this.children(k));
    }
    return { firstToken: first, endToken: last + 1 };
  }

  /** Heads from token i up to its root, i excluded. */
  ancestors(i: number): number[] {
    const out: number[] = [];
    for (let k = this.head(i); k >= 0 && out.length <= this.tokens.length; k = this.head(k)) out.push(k);
    return out;
  }
}

/** "obl:tmod" has relation "obl"; "obl" does not have relation "obl:tmod". */
export function hasRelation(deprel: string, rel: string): boolean {
  return deprel === rel || (deprel.startsWith(rel) && deprel[rel.length] === ':');
}

function required<T>(layer: T | null, name: string): T {
  if (layer === null) throw new Error(`the ${name} layer is read before the stage that assigns it has run`);
  return layer;
}
