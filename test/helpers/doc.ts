/** Builds a Doc by hand for stage tests: the text segmented, and the layers a test gives (entities, places, dates). */
import { Doc } from '../../src/doc/doc.ts';
import type { ArticleInput } from '../../src/model/analysis.ts';
import type { DateRecord, Entity, Place } from '../../src/model/record.ts';
import { assignActors } from '../../src/stages/actors/index.ts';
import { cleanText } from '../../src/stages/clean/index.ts';
import { parseStage } from '../../src/stages/parse/stage.ts';
import { segmentStage } from '../../src/stages/segment/index.ts';
import { defaultWorld } from '../../src/pipeline/world.ts';
import { fakeKnowledge } from './fakeWorld.ts';

export interface DocLayers {
  published?: string | null;
  /** 'blank-lines': one paragraph per blank-line-separated block; 'clean' (default): the clean stage's paragraphs. */
  paragraphs?: 'blank-lines' | 'clean';
  entities?: Entity[];
  places?: Place[];
  datelinePlaceId?: string | null;
  dates?: DateRecord[];
}

export function articleInput(text: string, published: string | null = null): ArticleInput {
  return { id: 't', text, title: null, titleSpan: null, published, publishedFrom: published ? 'option' : 'none', url: null, source: null, byline: null, messages: [] };
}

/** A Doc through clean, segment and parse, with the given layers set; entities get their actor mentions from a small fake world. */
export function docWith(text: string, layers: DocLayers = {}): Doc {
  const doc = new Doc(articleInput(text, layers.published ?? null));
  const clean = cleanText(text);
  doc.clean = layers.paragraphs === 'blank-lines' ? { ...clean, paragraphs: blankLineParagraphs(text) } : clean;
  const world = defaultWorld({ tagger: false });
  segmentStage.run(doc, world);
  parseStage.run(doc, world);
  doc.entities = layers.entities ?? [];
  doc.places = { places: layers.places ?? [], datelinePlaceId: layers.datelinePlaceId ?? null };
  doc.dates = layers.dates ?? [];
  const { entities, actors } = assignActors(doc, fakeKnowledge);
  doc.entities = entities;
  doc.actors = actors;
  return doc;
}

function blankLineParagraphs(text: string): { start: number; end: number }[] {
  const paragraphs: { start: number; end: number }[] = [];
  for (const m of text.matchAll(/[^\n]+(?:\n(?!\n)[^\n]*)*/g)) if (m[0].trim()) paragraphs.push({ start: m.index, end: m.index + m[0].length });
  return paragraphs;
}
