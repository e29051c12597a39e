/**
 * Codes one article: builds its Doc, runs the stages of `stages.ts` over it in order, and projects the Doc onto
 * the article record (the output contract), so that the contract does not change when the inside does.
 */
import { Doc } from '../doc/doc.ts';
import type { ArticleInput } from '../model/analysis.ts';
import { SCHEMA_VERSION, type ArticleRecord, type Explanation } from '../model/record.ts';
import type { Stage } from './stage.ts';
import { engineVersion } from './provenance.ts';
import { STAGES } from './stages.ts';
import { withSideInfo } from '../stages/actors/info.ts';
import { defaultWorld, type World } from './world.ts';

export interface CodeOptions {
  /** Adds `explain`: for every record, its rules and the words it rests on. */
  explain?: boolean;
  /** Adds `tokens`: every token with its UPOS, lemma and dependency arc. */
  tokens?: boolean;
  world?: World;
}

export function codeArticle(input: ArticleInput, options: CodeOptions = {}): ArticleRecord {
  const world = options.world ?? defaultWorld();
  const doc = buildDoc(input, world);
  const record = toRecord(doc, world);
  if (options.explain) record.explain = explain(record);
  if (options.tokens) record.tokens = doc.tokens.map((t, i) => ({ start: t.start, end: t.end, text: t.text, upos: t.pos, lemma: t.lemma, sentence: t.sentence, head: doc.head(i), deprel: doc.deprel(i) }));
  return record;
}

/** The Doc of an article after `stages` (all of them by default; tests run a prefix). */
export function buildDoc(input: ArticleInput, world: World, stages: readonly Stage[] = STAGES): Doc {
  const doc = new Doc(input);
  for (const stage of stages) stage.run(doc, world);
  return doc;
}

export function toRecord(doc: Doc, world: World): ArticleRecord {
  const { input, clean } = doc;
  const dateline = clean.dateline;
  const datelinePlaceId = doc.places.datelinePlaceId;
  return {
    schemaVersion: SCHEMA_VERSION,
    provenance: { engine: engineVersion(), ...world.provenance() },
    article: {
      id: input.id,
      title: input.title ?? clean.title?.text ?? null,
      titleSpan: input.titleSpan ?? (clean.title ? { start: clean.title.start, end: clean.title.end } : null),
      source: input.source ?? dateline?.source ?? null,
      published: doc.published,
      publishedFrom: input.publishedFrom,
      url: input.url,
      byline: input.byline,
      dateline: dateline ? { place: dateline.place, source: dateline.source, start: dateline.start, end: dateline.end, ...(datelinePlaceId ? { placeId: datelinePlaceId } : {}) } : null,
      credits: clean.credits,
      furniture: clean.furniture,
      ...(doc.topic ? { topic: doc.topic } : {}),
      text: doc.text,
    },
    sentences: doc.sentences.map((s) => ({ start: s.start, end: s.end, paragraph: s.paragraph })),
    entities: doc.entities,
    places: doc.places.places,
    dates: doc.dates,
    events: (doc.events ?? []).map((e) => withSideInfo(doc, e)),
    quotes: doc.quotes ?? [],
    casualties: doc.casualties ?? [],
    messages: doc.messages,
  };
}

function explain(record: ArticleRecord): Explanation[] {
  const text = record.article.text;
  const slice = (s: number, e: number) => text.slice(s, e).replace(/\s+/g, ' ');
  const out: Explanation[] = [];
  for (const e of record.entities) out.push({ record: `entities/${e.id}`, rules: e.rules, evidence: e.mentions.map((m) => slice(m.start, m.end)).join(' | ') });
  for (const p of record.places) out.push({ record: `places/${p.id}`, rules: p.rules, evidence: p.mentions.map((m) => slice(m.start, m.end)).join(' | ') });
  for (const d of record.dates) out.push({ record: `dates/${d.id}`, rules: d.rules, evidence: slice(d.start, d.end) });
  for (const e of record.events) out.push({ record: `events/${e.id}`, rules: e.rules, evidence: slice(e.evidence.start, e.evidence.end) });
  for (const q of record.quotes) out.push({ record: `quotes/${q.id}`, rules: q.rules, evidence: slice(q.start, q.end) });
  for (const c of record.casualties) out.push({ record: `casualties/${c.id}`, rules: c.rules, evidence: slice(c.evidence.start, c.evidence.end) });
  return out;
}
