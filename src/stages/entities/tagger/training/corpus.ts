/**
 * GMB texts turned into what the tagger sees at run time: wink tokens (via the segment stage) with the GMB
 * entities projected onto them by character overlap, plus the robustness variants used in training
 * (ALL-CAPS and Title Case headlines, lower case, datelines, typographic quotes).
 */
import type { Token } from '../../../../model/analysis.ts';
import { segment } from '../../../segment/index.ts';
import { TITLE_CASE_SMALL_WORDS } from '../features.ts';
import { beginLabel, OUTSIDE } from '../labels.ts';
import { UNKNOWN_LABEL } from './perceptron.ts';
import type { CharEntity, GmbText } from './gmb.ts';

export interface TaggedSentence {
  tokens: Token[];
  /** Gold BIO label index per token. */
  labels: Uint8Array;
  headline: boolean;
}

/** Segments a text and labels each wink sentence's tokens with the entities they overlap. */
export function taggedSentences(text: string, entities: readonly CharEntity[], headline: boolean): TaggedSentence[] {
  const seg = segment(text, [{ start: 0, end: text.length }]);
  return seg.sentences.map((s) => {
    const tokens = seg.tokens.slice(s.firstToken, s.endToken);
    return { tokens, labels: projectLabels(tokens, entities), headline };
  });
}

/** BIO labels of the tokens from character entities: B on the first token an entity overlaps, I on the rest. */
export function projectLabels(tokens: readonly Token[], entities: readonly CharEntity[]): Uint8Array {
  const labels = new Uint8Array(tokens.length).fill(OUTSIDE);
  for (const entity of entities) {
    let first = true;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i]!.end <= entity.start || tokens[i]!.start >= entity.end) continue;
      labels[i] = beginLabel(entity.type) + (first ? 0 : 1);
      first = false;
    }
  }
  return labels;
}

/**
 * UNER tags PER / ORG / LOC only: a capitalised word it leaves O inside a normally written sentence may be a
 * name of another type ("American", "iPhone", "Christmas": MISC in GMB), so the tagger is not taught O there.
 * Sentence-initial words and "I" stay O.
 */
export function maskUntypedNames(sentence: TaggedSentence): TaggedSentence {
  const { tokens, labels } = sentence;
  const lower = tokens.filter((t) => /^\p{Ll}/u.test(t.text)).length;
  if (lower < tokens.length / 3) return sentence;
  const masked = Uint8Array.from(labels);
  for (let i = 1; i < tokens.length; i++) {
    const text = tokens[i]!.text;
    if (masked[i] === OUTSIDE && /^\p{Lu}\p{Ll}/u.test(text) && !/^["“‘'(\[-]$/.test(tokens[i - 1]!.text) && !/^[.!?:]$/.test(tokens[i - 1]!.text)) masked[i] = UNKNOWN_LABEL;
  }
  return { ...sentence, labels: masked };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Variant = 'upper' | 'title' | 'lower' | 'dateline' | 'headline';

/** Share of training texts that get each extra variant, besides the text as it is. */
export const VARIANT_RATES: Readonly<Record<Variant, number>> = { upper: 0.08, title: 0.04, lower: 0.03, dateline: 0.02, headline: 0.02 };

const DATELINE_PLACES = ['BAGHDAD', 'WASHINGTON', 'LONDON', 'MOSCOW', 'BEIJING', 'JERUSALEM', 'KABUL', 'TEHRAN', 'CAIRO', 'PARIS', 'NEW YORK', 'NAIROBI', 'ISLAMABAD', 'NEW DELHI', 'GENEVA', 'BRUSSELS', 'TOKYO', 'SEOUL', 'DAMASCUS', 'BEIRUT', 'KARACHI', 'LAGOS', 'JOHANNESBURG', 'MEXICO CITY', 'BOGOTA', 'CARACAS', 'HAVANA', 'ISTANBUL', 'ANKARA', 'KHARTOUM', 'MOGADISHU', 'COLOMBO', 'KATHMANDU', 'DHAKA', 'MANILA', 'JAKARTA', 'BANGKOK', 'HANOI', 'SYDNEY', 'OTTAWA'];
const DATELINE_AGENCIES = ['Reuters', 'AP', 'AFP', 'VOA'];
const MONTHS = ['Jan', 'Feb', 'March', 'April', 'May', 'June', 'July', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** The text rewritten as a variant, with its entities moved accordingly; null when the variant does not apply. */
export function variantOf(text: GmbText, variant: Variant, random: () => number): { text: string; entities: CharEntity[]; headline: boolean } | null {
  const same = (t: string, headline: boolean) => (t.length === text.text.length ? { text: t, entities: text.entities, headline } : null);
  switch (variant) {
    case 'upper':
      return same(text.text.toUpperCase(), random() < 0.5);
    case 'lower':
      return same(text.text.toLowerCase(), false);
    case 'headline':
      return same(text.text, true);
    case 'title':
      return same(
        text.text.replace(/(^|[\s"“(-])(\p{Ll}[\p{L}']*)/gu, (whole, before: string, word: string) =>
          TITLE_CASE_SMALL_WORDS.has(word) && before !== '' ? whole : before + word[0]!.toUpperCase() + word.slice(1),
        ),
        true,
      );
    case 'dateline': {
      // "BAGHDAD (Reuters) - ", "KABUL, May 28 (AP) - "
      const place = DATELINE_PLACES[Math.floor(random() * DATELINE_PLACES.length)]!;
      const agency = DATELINE_AGENCIES[Math.floor(random() * DATELINE_AGENCIES.length)]!;
      const date = random() < 0.5 ? `, ${MONTHS[Math.floor(random() * 12)]!} ${1 + Math.floor(random() * 28)}` : '';
      const prefix = `${place}${date} (${agency}) - `;
      const agencyStart = prefix.indexOf('(') + 1;
      const entities: CharEntity[] = [
        { start: 0, end: place.length, type: 'LOC' },
        { start: agencyStart, end: agencyStart + agency.length, type: 'ORG' },
        ...text.entities.map((e) => ({ start: e.start + prefix.length, end: e.end + prefix.length, type: e.type })),
      ];
      return { text: prefix + text.text, entities, headline: false };
    }
  }
}
