/**
 * One record per incident: a later mention with the same counts ("the blast killed 24"), a mention
 * that only points back ("he died"), a toll update ("the death toll rose to 30") or the next
 * sentences' other counts joins the incident it reports; running totals never join the day's incident.
 */
import type { Evidence, Place } from '../../model/record.ts';
import type { CountMention } from './countExtractors.ts';
import type { IncidentCandidate } from './incidentContext.ts';
import { CASUALTY_KINDS, type CasualtyKind } from './lexicons.ts';
import { MERGE_RULES, TOLL_RULE_ID, WEAK_WOUNDED_RULE } from './rules.ts';

export interface MergedIncident extends IncidentCandidate {
  mentions: Evidence[];
  lastSentence: number;
  /** Sentences already in the record: two incidents one sentence tells apart never join. */
  sentences: Set<number>;
}

/** How far (in sentences) a mention that adds new kinds of counts may sit from the incident it completes. */
const COMPLEMENT_WINDOW = 2;

export function mergeIncidents(candidates: readonly IncidentCandidate[], places: readonly Place[]): MergedIncident[] {
  const kindOf = new Map(places.map((p) => [p.id, p.kind]));
  const merged: MergedIncident[] = [];
  for (const candidate of candidates) {
    let joined = false;
    for (let r = merged.length - 1; r >= 0 && !joined; r--) {
      const record = merged[r]!;
      const rule = joinRule(record, candidate, kindOf, r === merged.length - 1);
      if (rule) {
        absorb(record, candidate, rule);
        joined = true;
      }
    }
    if (!joined) {
      merged.push({ ...candidate, counts: { ...candidate.counts }, rules: [...candidate.rules], mentions: [candidate.evidence], lastSentence: candidate.sentence, sentences: new Set([candidate.sentence]) });
    }
  }
  for (const record of merged) dropShotThenKilled(record);
  return merged;
}

function joinRule(record: MergedIncident, candidate: IncidentCandidate, kindOf: ReadonlyMap<string, Place['kind']>, latest: boolean): string | null {
  if (record.cumulative !== candidate.cumulative) return null;
  const counts = Object.values(candidate.counts);
  const shared = CASUALTY_KINDS.filter((k) => record.counts[k] && candidate.counts[k]);
  const same = shared.filter((k) => sameCount(record.counts[k]!, candidate.counts[k]!));
  // One sentence that counts the same kind twice tells two incidents apart, unless it repeats itself.
  if (record.sentences.has(candidate.sentence)) return same.length > 0 && same.length === shared.length ? MERGE_RULES.sameCounts.id : null;
  // "He died at the hospital": a mention that only points back belongs to the incident it points to, wherever it says he died.
  const pointsBack = counts.every((c) => c.anaphoric || (c.weak && c.person !== null));
  // The same toll of several people twice ("killed 14") is one incident even if the sentences date it differently.
  const sameToll = same.some((k) => candidate.counts[k]!.count.value > 1);
  if (!pointsBack && conflicts(record, candidate, kindOf, sameToll)) return null;
  if (shared.length > 0) {
    const agrees = (k: CasualtyKind) => same.includes(k) || isToll(candidate.counts[k]!) || candidate.counts[k]!.anaphoric;
    if (!shared.every(agrees)) return null;
    if (same.length > 0) return MERGE_RULES.sameCounts.id;
    return pointsBack ? MERGE_RULES.anaphoric.id : MERGE_RULES.tollUpdate.id;
  }
  if (!latest) return null;
  if (pointsBack) return MERGE_RULES.anaphoric.id;
  return candidate.sentence - record.lastSentence <= COMPLEMENT_WINDOW ? MERGE_RULES.complement.id : null;
}

const isToll = (count: CountMention) => count.rules.includes(TOLL_RULE_ID);

/** Equal values, unless they are two people told apart: "a man" and "a woman", "LeGrier" and "Bettie Jones". */
function sameCount(a: CountMention, b: CountMention): boolean {
  return a.count.value === b.count.value && !differentPeople(a.person, b.person);
}

function differentPeople(a: CountMention['person'], b: CountMention['person']): boolean {
  if (!a || !b) return false;
  if (a.sex && b.sex && a.sex !== b.sex) return true;
  if (!a.name || !b.name) return false;
  const words = new Set(a.name.toLowerCase().split(/\W+/));
  return !b.name.toLowerCase().split(/\W+/).some((w) => w.length > 1 && words.has(w));
}

/**
 * Differently named stated places (a country or region contains its cities), different stated dates (unless
 * asked to ignore them), or two different specific weapons are different incidents.
 */
function conflicts(a: IncidentCandidate, b: IncidentCandidate, kindOf: ReadonlyMap<string, Place['kind']>, ignoreDates: boolean): boolean {
  if (a.place?.certainty === 'stated' && b.place?.certainty === 'stated' && a.place.name !== b.place.name) {
    const broad = (id: string | undefined) => id !== undefined && (kindOf.get(id) === 'country' || kindOf.get(id) === 'region' || kindOf.get(id) === 'admin1');
    if (a.place.country !== b.place.country || !(broad(a.place.placeId) || broad(b.place.placeId))) return true;
  }
  if (!ignoreDates && a.date?.certainty === 'stated' && b.date?.certainty === 'stated' && a.date.value && b.date.value) {
    if (!a.date.value.startsWith(b.date.value) && !b.date.value.startsWith(a.date.value)) return true;
  }
  return a.incident !== null && b.incident !== null && a.incident.rank >= 3 && b.incident.rank >= 3 && a.incident.label !== b.incident.label;
}

function absorb(record: MergedIncident, candidate: IncidentCandidate, rule: string): void {
  for (const kind of CASUALTY_KINDS) {
    const mine = record.counts[kind];
    const theirs = candidate.counts[kind];
    if (!theirs) continue;
    const update = mine && rule === MERGE_RULES.tollUpdate.id && isToll(theirs) && !theirs.anaphoric;
    if (!mine || update || (mine.weak && !theirs.weak && !theirs.anaphoric)) record.counts[kind] = theirs;
  }
  if (candidate.incident && (!record.incident || candidate.incident.rank > record.incident.rank)) record.incident = candidate.incident;
  if (candidate.place && (!record.place || (record.place.certainty !== 'stated' && candidate.place.certainty === 'stated'))) record.place = candidate.place;
  if (candidate.date && (!record.date || (record.date.certainty !== 'stated' && candidate.date.certainty === 'stated'))) record.date = candidate.date;
  record.victims ??= candidate.victims;
  if (record.perpetrator.actor === '---' && !record.perpetrator.name && (candidate.perpetrator.actor !== '---' || candidate.perpetrator.name)) record.perpetrator = candidate.perpetrator;
  // A count is claimed only when every mention attributes it to somebody.
  record.claimed &&= candidate.claimed;
  if (!record.sentences.has(candidate.sentence)) record.mentions.push(candidate.evidence);
  record.lastSentence = candidate.sentence;
  record.sentences.add(candidate.sentence);
  record.rules = [...new Set([...record.rules, ...candidate.rules, rule])];
}

/** "A man died Friday after he was shot": the shot person is the dead one, not also a wounded one. */
function dropShotThenKilled(record: MergedIncident): void {
  const killed = record.counts.killed;
  const wounded = record.counts.wounded;
  if (!killed || !wounded?.weak || wounded.count.value > killed.count.value) return;
  delete record.counts.wounded;
  record.rules.push(WEAK_WOUNDED_RULE.id);
}
