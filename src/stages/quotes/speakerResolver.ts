/**
 * Turns a speaker phrase into who spoke: the entity whose mention covers or sits inside the phrase (the entities
 * stage links "Crocker", "he said" and "the Iranians"), else our own fallbacks: "he"/"she" → the most recent person
 * mentioned outside quotes, "they" → the most recent group or people, a lone surname → the person it ends, and
 * otherwise the words as written ("officials", "the ministry").
 */
import { groupBefore, personBefore } from '../../doc/coref.ts';
import type { Doc, EntityMentionRef } from '../../doc/doc.ts';
import type { Entity, EntityType, Quote } from '../../model/record.ts';
import type { QuoteRuleId } from './rules.ts';
import type { TokenRange } from './speakerPhrase.ts';

export type Speaker = Quote['speaker'];

export interface ResolvedSpeaker {
  speaker: Speaker;
  rule: QuoteRuleId;
}

type IndexedMention = EntityMentionRef;

/** How far back (in paragraphs) a speaker carried over from an earlier quote may come from. */
const PERSON_LOOKBACK = 3;
const NAME_LIKE = /^[A-Z][\p{L}.'’-]+(?: [A-Z][\p{L}.'’-]+){0,3}$/u;
const NOT_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'the', 'a', 'an', 'officials', 'police', 'sources']);
/** Which entity a phrase means when it holds several ("a spokesman for Iran's foreign ministry"). */
const TYPE_PREFERENCE: readonly EntityType[] = ['PERSON', 'ORG', 'GPE', 'NORP', 'LOC'];

export interface SpeakerContext {
  doc: Doc;
  /** True when the offset lies inside quotation marks: people named in a quote rarely speak it. */
  isQuoted: (offset: number) => boolean;
}

/** A speaker already resolved for an earlier quote, with its paragraph. */
export interface EarlierSpeaker {
  speaker: Speaker;
  paragraph: number;
}

export function speakerResolver(ctx: SpeakerContext): (range: TokenRange, earlier: readonly EarlierSpeaker[]) => ResolvedSpeaker {
  const { doc } = ctx;
  const mentions = doc.entityMentions();
  const people = doc.entities.filter((e) => e.type === 'PERSON');

  return (range, earlier) => {
    const { tokens, text } = doc;
    const start = tokens[range.first]!.start;
    const end = tokens[range.end - 1]!.end;
    const written = text.slice(start, end);
    const at = { start, end };

    const covering = pick(mentions.filter((m) => m.mention.start <= start && m.mention.end >= end));
    const inside = covering ?? pick(mentions.filter((m) => m.mention.start >= start && m.mention.end <= end && speaksFor(m, text)));
    if (inside) {
      const name = covering || inside.entity.type === 'PERSON' ? inside.entity.name : written;
      return { speaker: describe(inside.entity, name, at), rule: 'quotes.speaker.entity-mention' };
    }

    const word = written.toLowerCase();
    const paragraph = doc.paragraphOf(start);
    if (word === 'he' || word === 'she') {
      const person = personBefore(doc, start, (m) => !ctx.isQuoted(m.mention.start));
      if (person) return { speaker: describe(person.entity, person.entity.name, at), rule: 'quotes.speaker.recent-person' };
      // Without person entities: the last speaker named like a person.
      const named = [...earlier].reverse().find((e) => paragraph - e.paragraph <= PERSON_LOOKBACK && looksLikeName(e.speaker.name));
      if (named) return { speaker: { ...named.speaker, ...at }, rule: 'quotes.speaker.recent-person' };
    }
    if (word === 'they') {
      const group = groupBefore(doc, start);
      if (group && !ctx.isQuoted(group.start)) {
        const entity = group.entity === undefined ? undefined : doc.entity(group.entity);
        const speaker: Speaker = entity ? describe(entity, entity.name, at) : { name: group.name, actor: group.code, ...at };
        return { speaker, rule: 'quotes.speaker.recent-group' };
      }
    }
    if (/^[A-Z][\p{L}'’-]+$/u.test(written)) {
      const person = people.find((p) => endsWithWord(p.name, written));
      if (person) return { speaker: describe(person, person.name, at), rule: 'quotes.speaker.surname' };
      const named = [...earlier].reverse().find((e) => e.speaker.name !== written && looksLikeName(e.speaker.name) && endsWithWord(e.speaker.name, written));
      if (named) return { speaker: { ...named.speaker, ...at }, rule: 'quotes.speaker.surname' };
    }
    return { speaker: { name: written, ...at }, rule: 'quotes.speaker.as-written' };
  };
}

/**
 * A person named inside a longer phrase is the speaker when the phrase ends in the name ("U.S. ambassador to Iraq
 * Ryan Crocker"), not when the name hangs on a preposition or a possessive ("a spokesman for Ryan Crocker",
 * "Crocker's office"). Organisations and countries inside a phrase speak through it ("Iran's foreign ministry").
 */
function speaksFor(m: IndexedMention, text: string): boolean {
  if (m.entity.type !== 'PERSON') return true;
  const before = text.slice(Math.max(0, m.mention.start - 6), m.mention.start);
  const after = text.slice(m.mention.end, m.mention.end + 2);
  return !/\b(?:for|of|to|with|at|from|by)\s+$/i.test(before) && !/^['’]s/.test(after);
}

function describe(entity: Entity, name: string, at: { start: number; end: number }): Speaker {
  return { entity: entity.id, name, ...(entity.actor ? { actor: entity.actor } : {}), ...at };
}

/** The preferred entity among mentions of one phrase: by type, then the rightmost (the head of the phrase). */
function pick(candidates: readonly IndexedMention[]): IndexedMention | null {
  let best: IndexedMention | null = null;
  for (const c of candidates) {
    if (!best) {
      best = c;
      continue;
    }
    const rank = TYPE_PREFERENCE.indexOf(c.entity.type) - TYPE_PREFERENCE.indexOf(best.entity.type);
    if (rank < 0 || (rank === 0 && c.mention.start >= best.mention.start)) best = c;
  }
  return best;
}

/** "Ryan Crocker", "Kazemi-Qomi": capitalised words, not a pronoun or a phrase like "The ministry". */
function looksLikeName(name: string): boolean {
  return NAME_LIKE.test(name) && !NOT_NAMES.has(name.split(' ')[0]!.toLowerCase());
}

function endsWithWord(name: string, word: string): boolean {
  return name === word || name.endsWith(` ${word}`) || name.endsWith(`-${word}`);
}
