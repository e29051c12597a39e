/** Repairs of the tagger's spans that the BIO labels alone cannot guarantee. */
import type { SentenceView } from './features.ts';
import type { LabelSpan } from './labels.ts';

/** Lower-case parts that belong to a hyphenated name: "al-Maliki", "bin-Laden", "Mazar-e-Sharif", "Port-au-Prince". */
const NAME_PARTICLES = new Set(['al', 'el', 'ul', 'ud', 'ad', 'as', 'ash', 'at', 'az', 'bin', 'ben', 'ibn', 'abu', 'abd', 'bint', 'van', 'von', 'de', 'du', 'da', 'di', 'del', 'della', 'le', 'la', 'les', 'e', 'i', 'y', 'au', 'aux', 'sur', 'on', 'en']);

/** Lower-case words inside a person's name, between its parts: "Ludwig van der Rohe", "Carla del Ponte". */
const PERSON_PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'do', 'du', 'la', 'le', 'ter', 'ten', 'zu', 'bin', 'ibn', 'bint', 'al', 'el', 'y']);

/**
 * Two person spans with only particles between them are one name: PER "Ludwig" + "van der" + PER "Rohe"
 * → PER "Ludwig van der Rohe".
 */
export function joinParticleNames(spans: readonly LabelSpan[], v: SentenceView): LabelSpan[] {
  const joined: LabelSpan[] = [];
  for (const span of spans) {
    const last = joined[joined.length - 1];
    if (last && last.type === 'PER' && span.type === 'PER' && span.firstToken > last.endToken && onlyParticles(v, last.endToken, span.firstToken)) {
      joined[joined.length - 1] = { ...last, endToken: span.endToken };
    } else {
      joined.push(span);
    }
  }
  return joined;
}

function onlyParticles(v: SentenceView, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (v.words[k]!.capital !== 'l' || !PERSON_PARTICLES.has(v.words[k]!.key)) return false;
  return true;
}

/**
 * A span neither starts nor ends inside a hyphenated name: "Kazemi-Qomi", "al-Jazeera" and "Port-au-Prince"
 * are covered whole. A span grows over hyphen-joined parts that are capitalised or particles; where grown
 * spans overlap, the longest wins, and of equal ones the later, which holds the name's head ("al" LOC +
 * "Jazeera" ORG → "al-Jazeera" ORG). Lower-case words stay out: "Iranian" in "Iranian-made" keeps its span.
 */
export function coverHyphenatedNames(spans: readonly LabelSpan[], v: SentenceView): LabelSpan[] {
  const hyphen = (k: number) => v.words[k]!.text === '-';
  const namePart = (k: number) => {
    const word = v.words[k]!;
    return word.capital === 'C' || word.capital === 'U' || NAME_PARTICLES.has(word.key);
  };
  // "-" joined on both sides to a name part: the link between two parts of one name.
  const link = (k: number) => k >= 1 && k + 1 < v.length && hyphen(k) && v.joined[k]! && v.joined[k + 1]! && namePart(k - 1) && namePart(k + 1);
  const grown: LabelSpan[] = [];
  for (const span of spans) {
    let { firstToken, endToken } = span;
    while (firstToken < endToken && hyphen(firstToken) && !link(firstToken)) firstToken++;
    while (endToken > firstToken && hyphen(endToken - 1) && !link(endToken - 1)) endToken--;
    if (firstToken === endToken) continue;
    for (;;) {
      if (link(firstToken - 1)) firstToken -= 2; // Kazemi - [Qomi
      else if (link(firstToken)) firstToken -= 1; // Kazemi [- Qomi
      else break;
    }
    for (;;) {
      if (link(endToken)) endToken += 2; // Kazemi] - Qomi
      else if (link(endToken - 1)) endToken += 1; // Kazemi -] Qomi
      else break;
    }
    grown.push({ firstToken, endToken, type: span.type });
  }
  const byPreference = grown
    .map((span, order) => ({ span, order }))
    .sort((a, b) => b.span.endToken - b.span.firstToken - (a.span.endToken - a.span.firstToken) || b.order - a.order);
  const kept: LabelSpan[] = [];
  for (const { span } of byPreference) if (!kept.some((other) => overlaps(span, other))) kept.push(span);
  return kept.sort((a, b) => a.firstToken - b.firstToken);
}

function overlaps(a: LabelSpan, b: LabelSpan): boolean {
  return a.firstToken < b.endToken && b.firstToken < a.endToken;
}
