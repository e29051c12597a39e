/**
 * Entities stage: people, organisations, places and nationalities with every mention, roles read from
 * titles, premodifiers and appositions, and within-article coreference (surnames, "he said", "the Iranians").
 * Actor codes are added by the actors stage; geocoding by the places stage.
 */
import type { Doc } from '../../doc/doc.ts';
import type { Segmented, SentenceInfo, Token } from '../../model/analysis.ts';
import type { Stage } from '../../pipeline/stage.ts';
import type { World } from '../../pipeline/world.ts';
import type { Entity, EntitySource, EntityType, Mention } from '../../model/record.ts';
import { matchRole } from '../../lexicon/roles.ts';
import { scanSteps } from '../../pipeline/scanSteps.ts';
import type { EntityKnowledge, TaggedSpan } from './knowledge.ts';
import { findNameRuns, isCapitalised, type TokenRange } from './nameRuns.ts';
import { MISC_HEADS, ORG_HEADS, ORG_NOUNS_AFTER, ORG_NOUNS_BEFORE, ORG_OPENERS, PERSONAL_PRONOUNS, PRONOUN_WORDS, RELIGIOUS_GROUPS, RULES, SPEECH_VERBS, TEAM_AFTER, TEAM_BEFORE } from './rules.ts';

export type { EntityKnowledge, TaggedSpan } from './knowledge.ts';

interface Candidate {
  firstToken: number;
  endToken: number;
  start: number;
  end: number;
  text: string;
  sentence: number;
  type: EntityType | null;
  kind: Mention['kind'];
  role?: string;
  country?: string;
  post?: string;
  counterpart?: boolean;
  rules: string[];
  sources: EntitySource[];
}

const POST_PREPOSITIONS = new Set(['to', 'in', 'at', 'for', 'of']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their']);

/** What the entities stage knows of the article as a whole. */
export interface ArticleContext {
  /** A sports story: places in team positions are clubs even without a score line in their sentence. */
  sport?: boolean;
}

export const entitiesStage: Stage = {
  name: 'entities',
  requires: ['topic', 'tokens'],
  assigns: ['entities'],
  run(doc: Doc, world: World) {
    doc.entities = findEntities(doc, world.entities, { sport: doc.topic?.label === 'sport' });
  },
};

export function findEntities(seg: Segmented, knowledge: EntityKnowledge, article: ArticleContext = {}): Entity[] {
  const candidates: Candidate[] = [];
  for (const sentence of seg.sentences) candidates.push(...sentenceCandidates(seg, sentence, knowledge, article));
  // One sense per story: a town that played as a club ("Liverpool beat Chelsea 2-1") is the club wherever it recurs.
  const clubs = new Set(candidates.filter((c) => c.rules.includes(RULES.sportsTeam)).map((c) => c.text));
  for (const c of candidates) {
    if (c.type !== 'GPE' || !clubs.has(c.text) || c.country) continue;
    c.type = 'ORG';
    c.rules = [RULES.sportsTeam];
  }
  return buildEntities(seg, candidates, knowledge);
}

function sentenceCandidates(seg: Segmented, sentence: SentenceInfo, knowledge: EntityKnowledge, article: ArticleContext): Candidate[] {
  const { tokens, text } = seg;
  const s0 = sentence.firstToken;
  const normals = tokens.slice(s0, sentence.endToken).map((t) => t.normal);
  const phrase = (from: number, to: number) => text.slice(tokens[from]!.start, tokens[to - 1]!.end);
  const out: Candidate[] = [];
  const hasTagger = knowledge.tagSentence !== undefined;
  // Names are capitalised: a sentence with no capital past its first word has none for the tagger to find.
  const tagged = hasTagger && hasInnerCapital(tokens, sentence) ? knowledge.tagSentence!(tokens.slice(s0, sentence.endToken), { headline: false }) : [];
  // "19" in "Amin Durrani, 19, Toronto", "alias": a span without a capital letter is no name, whatever the tagger says
  const taggedSpans = tagged.map((t) => ({ ...t, firstToken: t.firstToken + s0, endToken: t.endToken + s0 })).filter((t) => hasCapital(tokens, t));
  const taggedTypes = new Map<string, TaggedSpan['type']>();
  for (const t of taggedSpans) if (!taggedTypes.has(`${t.firstToken}:${t.endToken}`)) taggedTypes.set(`${t.firstToken}:${t.endToken}`, t.type);

  /** A country name or demonym of 1–3 tokens starting at i and ending before `limit`. */
  const countryAt = (i: number, limit: number): { iso3: string; length: number; demonym: boolean } | null => {
    for (let n = Math.min(4, limit - i); n >= 1; n--) {
      const words = phrase(i, i + n);
      const iso3 = knowledge.countryOfName(words);
      if (iso3) return { iso3, length: n, demonym: false };
      if (n === 1) {
        const dem = knowledge.countryOfDemonym(words);
        if (dem) return { iso3: dem, length: 1, demonym: true };
      }
    }
    return null;
  };
  const roleAt = (i: number) => matchRole(normals, i - s0);

  const make = (range: TokenRange, type: EntityType | null, kind: Mention['kind'], rules: string[], sources: EntitySource[]): Candidate => ({
    firstToken: range.firstToken,
    endToken: range.endToken,
    start: tokens[range.firstToken]!.start,
    end: tokens[range.endToken - 1]!.end,
    // A name wrapped over a line break is still one name.
    text: phrase(range.firstToken, range.endToken).replace(/\s+/g, ' '),
    sentence: sentence.index,
    type,
    kind,
    rules,
    sources,
  });

  // "Shi’ite Iran": nationality or religion words before a place name are not part of it.
  const splitLeadingNorp = (run: TokenRange): TokenRange[] => {
    for (let k = run.firstToken + 1; k < run.endToken; k++) {
      if (!allNorpWords(tokens, { firstToken: run.firstToken, endToken: k }, knowledge)) break;
      const rest = phrase(k, run.endToken);
      if (knowledge.countryOfName(rest) || knowledge.placeKindOf(rest)) return [{ firstToken: run.firstToken, endToken: k }, { firstToken: k, endToken: run.endToken }];
    }
    return [run];
  };
  // "Invercargill New Zealand", "Houston Texas USA", "London E17": places written one after another without commas
  // (and a postcode after a town) are several names, when the run as a whole is neither a place nor a name the tagger typed
  const splitPlaceChain = (run: TokenRange): TokenRange[] => {
    if (run.endToken - run.firstToken < 2 || spanType(run) === 'ORG' || spanType(run) === 'PER') return [run];
    // "Republic of Gran Colombia", "Iran-Iraq": only runs of capitalised words apart
    for (let k = run.firstToken; k < run.endToken; k++) if (!/^\p{Lu}/u.test(tokens[k]!.text) || (k > run.firstToken && !tokens[k]!.spaceBefore)) return [run];
    const whole = phrase(run.firstToken, run.endToken);
    if (knowledge.countryOfName(whole) || knowledge.placeKindOf(whole)) return [run];
    const last = tokens[run.endToken - 1]!;
    const head = { firstToken: run.firstToken, endToken: run.endToken - 1 };
    if (POSTCODE_DISTRICT.test(last.text) && knowledge.placeKindOf(phrase(head.firstToken, head.endToken))) return [head];
    for (let k = run.endToken - 1; k > run.firstToken; k--) {
      const rest = phrase(k, run.endToken);
      // "Hokkaido Island": a common word is no country ("Island" is Iceland in Icelandic)
      if ((!knowledge.countryOfName(rest) && knowledge.placeKindOf(rest) !== 'admin1') || knowledge.isLowerCaseWord?.(rest.toLowerCase())) continue;
      const first = { firstToken: run.firstToken, endToken: k };
      const firstWords = phrase(first.firstToken, first.endToken);
      const commonWord = k - run.firstToken === 1 && knowledge.isLowerCaseWord?.(tokens[run.firstToken]!.normal) === true;
      if (!commonWord && (knowledge.countryOfName(firstWords) || knowledge.placeKindOf(firstWords))) return [...splitPlaceChain(first), { firstToken: k, endToken: run.endToken }];
    }
    return [run];
  };
  const runs = mergeTaggerSpans(findNameRuns(tokens, sentence), taggedSpans, tokens)
    .flatMap((run) => splitAtLineEnds(seg, run))
    .flatMap(splitLeadingNorp)
    .flatMap(splitPlaceChain);
  const matchReport = article.sport === true || hasScoreLine(tokens, sentence);
  for (const run of runs) {
    const whole = phrase(run.firstToken, run.endToken);
    // "He", "I": a capitalised pronoun is no name (coreference links it to one); "the US" in capitals is the country.
    if (run.endToken - run.firstToken === 1 && PRONOUN_WORDS.has(tokens[run.firstToken]!.normal) && !(tokens[run.firstToken]!.text === 'US' && knowledge.countryOfName(whole))) continue;
    // "Police said …": a sentence's first word is capitalised anyway; a lone organisation word there that the tagger
    // did not take for a name is the common noun (the actors stage reads it as a role)
    if (run.endToken - run.firstToken === 1 && run.firstToken === s0 && ORG_HEADS.has(tokens[s0]!.normal) && !spanType(run) && !knowledge.dictionaryCode?.(whole)) continue;
    // "Liverpool beat Chelsea 2-1", "lost to Real Madrid": in a match report a town or name in a team's place is a club.
    if (matchReport && inTeamPosition(run) && !knowledge.countryOfName(whole) && (namedAfterTown(run) || !taggedSpans.some((t) => t.type === 'PER' && t.firstToken < run.endToken && run.firstToken < t.endToken)) && !allNorpWords(tokens, run, knowledge)) {
      const kind = knowledge.placeKindOf(whole);
      if (kind === null || kind === 'city') {
        out.push(make(run, 'ORG', 'name', [RULES.sportsTeam], spanType(run) ? ['rule', 'model'] : ['rule']));
        continue;
      }
    }
    let taggedType = spanType(run) ?? typeOfSpansCovering(run);
    const fromModel: EntitySource[] = taggedType ? ['model'] : [];

    // Nationality and religion words: "Iranian", "Shi’ite", "Sunni Muslim", "the Iranians".
    if (allNorpWords(tokens, run, knowledge)) {
      for (let k = run.firstToken; k < run.endToken; k++) {
        const word = tokens[k]!.text;
        const iso3 = knowledge.countryOfDemonym(word);
        const plural = /s$/i.test(word) && tokens[k - 1]?.normal === 'the' && iso3 !== null;
        const candidate = make({ firstToken: k, endToken: k + 1 }, plural ? 'GPE' : 'NORP', 'demonym', [plural ? RULES.demonymPlural : iso3 ? RULES.demonym : RULES.religion], ['gazetteer']);
        if (iso3) candidate.country = iso3;
        out.push(candidate);
      }
      continue;
    }

    // A run that is a place as a whole: "Baghdad", "U.S.", "United States", "the Gulf".
    const wholeCountry = knowledge.countryOfName(whole);
    // "news agency Fars", "the rebel group Hamas", "Xinhua news agency": a name beside a noun for an organisation is
    // that organisation, whatever place or person shares its name
    if (!wholeCountry && !roleAt(run.firstToken) && !MISC_HEADS.has(tokens[run.endToken - 1]!.normal) && organisationNounBeside(run)) {
      out.push(make(run, 'ORG', 'name', [RULES.capitalisedRun, RULES.orgNoun], taggedType ? ['rule', 'model'] : ['rule']));
      continue;
    }
    let wholePlace = wholeCountry ? 'country' : knowledge.placeKindOf(whole);
    // "NATO" is also a hamlet: an organisation the actor dictionaries know wins over a town of the same name
    if (wholePlace === 'city' && (knowledge.dictionaryCode?.(whole)?.length ?? 0) > 3 && !knowledge.capitalOf(whole)) wholePlace = null;
    // "More than 100 people", "State media say", "the Ass": a small town named by a word news writes in lower case is
    // that word when the tagger, which has looked at the sentence, does not take it for a name
    if (wholePlace === 'city' && hasTagger && !taggedType && run.endToken - run.firstToken === 1 && knowledge.isLowerCaseWord?.(tokens[run.firstToken]!.normal) && !knowledge.capitalOf(whole)) wholePlace = null;
    // The gazetteer wins over the tagger's ORG: "Tehran would consider" is the city standing for its government.
    // A town that is no capital gives way to the tagger's ORG: "Xinhua said", "Bloomberg reported".
    const townTaggedOrg = wholePlace === 'city' && taggedType === 'ORG' && !knowledge.capitalOf(whole);
    if (wholePlace && taggedType !== 'PER' && !townTaggedOrg) {
      const candidate = make(run, wholePlace === 'country' || wholePlace === 'city' ? 'GPE' : 'LOC', 'name', [RULES.place], ['gazetteer', ...fromModel]);
      if (wholeCountry) candidate.country = wholeCountry;
      out.push(candidate);
      continue;
    }

    // Titles and nationalities inside the run: "Iraqi Prime Minister Nuri al-Maliki", "U.S. Army".
    let k = run.firstToken;
    let role: string | undefined;
    let country: string | undefined;
    let post: string | undefined;
    let counterpart = false;
    /** Where the nationality read off the run's start begins ("Palestinian" in "Palestinian Authority President"), or -1. */
    let countryFrom = -1;
    const rules: string[] = [RULES.capitalisedRun];
    // "ambassador to Iraq Ryan Crocker": the run starts with the post of the role before it.
    const before = tokens[run.firstToken - 1];
    if (before && before.sentence === sentence.index && POST_PREPOSITIONS.has(before.normal)) {
      const p = countryAt(k, run.endToken - 1) ?? placeAt(k, run.endToken - 1);
      const roleBefore = roleEndingAt(normals, run.firstToken - 2 - s0);
      if (p && roleBefore) {
        post = p.iso3;
        k += p.length;
        rules.push(RULES.postAfterRole);
      }
    }
    // "General Motors", "Justice Department", "United Nations General Assembly": a title word inside an organisation's name
    const organisationName = ORG_HEADS.has(tokens[run.endToken - 1]!.normal) && taggedType !== 'PER';
    for (;;) {
      const r = roleAt(k);
      if (r && r.entry.asTitle && k + r.length < run.endToken && !organisationName) {
        role = r.entry.role;
        k += r.length;
        rules.push(RULES.titleBefore);
        continue;
      }
      const c = countryAt(k, run.endToken - 1);
      if (c && !country) {
        country = c.iso3;
        countryFrom = k;
        k += c.length;
        continue;
      }
      break;
    }
    // "Australian Schapelle Corby": past the nationality, the rest of the run is the tagger's span
    if (taggedType === undefined && k > run.firstToken) taggedType = spanType({ firstToken: k, endToken: run.endToken });
    // A title inside the run: "Energy Minister Kiraitu Murungi", "U.N. Secretary-General Kofi Annan".
    // "Defender Hassan Abbas", "Coach Joe Smith": the tagger's person ends the run and leaves out capitalised words
    // before it that no role table knows; they are the person's title.
    if (!role && taggedType === undefined) {
      const person = taggedSpans.find((t) => t.type === 'PER' && t.endToken === run.endToken && t.firstToken > k && t.firstToken < run.endToken);
      if (person && onlyTitleWords(k, person.firstToken)) {
        role = phrase(k, person.firstToken).replace(/\s+/g, ' ').toLowerCase();
        k = person.firstToken;
        taggedType = 'PER';
        rules.push(RULES.titleFromTagger);
      } else if (person && person.firstToken - k === 1 && isFirstName(k)) {
        // "Qasem Soleimani visited …": the tagger's person and the first name before it are one person
        taggedType = 'PER';
      }
    }
    if (!role && !organisationName) {
      for (let j = k + 1; j < run.endToken - 1; j++) {
        const r = roleAt(j);
        if (!r || !r.entry.asTitle || j + r.length >= run.endToken || !isCapitalised(tokens[j]!)) continue;
        const prefix = phrase(k, j);
        const c = knowledge.countryOfName(prefix) ?? knowledge.countryOfDemonym(prefix);
        if (c) country ??= c;
        // "UN Secretary-General Kofi Annan", "NASA Administrator Mike Griffin": the organisation before the title is named too
        // "Palestinian Authority President Mahmoud Abbas": the organisation keeps its nationality
        else if (isOrganisationName(k, j)) {
          const organisation = { firstToken: countryFrom >= 0 && countryFrom < k ? countryFrom : k, endToken: j };
          out.push(make(organisation, 'ORG', 'name', [RULES.capitalisedRun, RULES.orgBeforeTitle], spanType(organisation) ? ['rule', 'model'] : ['rule']));
        }
        role = r.entry.role;
        k = j + r.length;
        rules.push(RULES.titleBefore);
        break;
      }
    }
    // "Assistant Secretary of Homeland Security Julie Myers": the title's "of X" names its organisation (or the post's
    // country), the tagger's person that ends the run is the name
    if (role && tokens[k]?.normal === 'of' && k < run.endToken) {
      const person = taggedSpans.find((t) => t.type === 'PER' && t.endToken === run.endToken && t.firstToken > k + 1);
      if (person) {
        const of = { firstToken: k + 1, endToken: person.firstToken };
        const ofWords = phrase(of.firstToken, of.endToken);
        const iso3 = knowledge.countryOfName(ofWords);
        if (iso3) post ??= iso3;
        else if (!knowledge.placeKindOf(ofWords)) out.push(make(of, 'ORG', 'name', [RULES.capitalisedRun, RULES.orgBeforeTitle], spanType(of) ? ['rule', 'model'] : ['rule']));
        k = person.firstToken;
        taggedType = 'PER';
      }
    }
    if (k >= run.endToken) continue;
    const name: TokenRange = { firstToken: k, endToken: run.endToken };
    const nameText = phrase(k, run.endToken);
    const head = tokens[run.endToken - 1]!.normal;
    const opener = tokens[k]!.normal;

    // Premodifiers left of the run: "U.S. ambassador to Iraq", "his Iranian counterpart", "Iran’s envoy".
    if ((!role && k === run.firstToken) || post) {
      let p = run.firstToken - 1;
      if (post) p -= 1;
      const found = roleEndingAt(normals, p - s0);
      if (found && found.entry.asTitle || found?.entry.role === 'counterpart') {
        if (found.entry.role === 'counterpart') {
          counterpart = true;
          rules.push(RULES.counterpart);
        } else {
          role = found.entry.role;
          rules.push(RULES.titleBefore);
        }
        p -= found.length;
        const c = countryEndingAt(p);
        if (c) {
          country ??= c;
          rules.push(RULES.roleAfterCountry);
        }
      }
    }
    // Apposition: "Ryan Crocker, the U.S. ambassador to Iraq, said".
    if (!role && !counterpart) {
      const appositive = appositiveRole(run.endToken);
      if (appositive) {
        role = appositive.role;
        country ??= appositive.country;
        post ??= appositive.post;
        rules.push(RULES.apposition);
      }
    }

    let type: EntityType | null = null;
    // "the Fed Cup", "French Indochina War" are no organisations; "U.N. World Food Program", "Organization of Islamic
    // Conference" are, when the tagger says so and a word of the name is an organisation's
    const miscHead = MISC_HEADS.has(head) && !(taggedType === 'ORG' && (ORG_HEADS.has(head) || ORG_OPENERS.has(opener)));
    if (miscHead || taggedType === 'MISC') type = null;
    else if (ORG_HEADS.has(head) || ORG_OPENERS.has(opener) || (taggedType === 'ORG' && !role)) {
      type = 'ORG';
      rules.push(ORG_HEADS.has(head) || ORG_OPENERS.has(opener) ? RULES.orgHead : RULES.taggerSpan);
      // "Iran’s Revolutionary Guards", "the Iraqi Army"
      if (!country) country = countryEndingAt(run.firstToken - 1) ?? undefined;
    } else if (role || counterpart) type = 'PERSON';
    else if (taggedType === 'PER') type = 'PERSON';
    // "U.N.", "NATO": an organisation the actor dictionaries know is no place, whatever the tagger says
    else if (taggedType === 'LOC' && (knowledge.dictionaryCode?.(nameText)?.length ?? 0) > 3 && !knowledge.placeKindOf(nameText)) {
      type = 'ORG';
      rules.push(RULES.dictionaryName);
    } else if (taggedType === 'LOC') type = knowledge.placeKindOf(nameText) === 'city' ? 'GPE' : 'LOC';
    // Weak cues decide only when no tagger has looked at the sentence: with one, its silence is a no.
    else if (!hasTagger && isSpeechSubject(run.endToken) && name.endToken - name.firstToken >= 2) {
      type = 'PERSON';
      rules.push(RULES.speechSubject);
    } else if (!hasTagger && name.endToken - name.firstToken >= 2 && allProperNouns(name)) type = 'PERSON';
    // "NATO", "Hamas", "European Community": names the actor dictionaries know are organisations
    const dictionaryCode = type === null ? knowledge.dictionaryCode?.(nameText) : null;
    // "South Korean", "Soviet": a name the dictionaries code as a bare country is a nationality, not an organisation
    const dictionaryNationality = dictionaryCode?.length === 3 && knowledge.countryName(dictionaryCode) !== dictionaryCode;
    if (dictionaryCode && !dictionaryNationality) {
      type = 'ORG';
      rules.push(RULES.dictionaryName);
    }
    if (dictionaryCode && dictionaryNationality && !role && name.firstToken === run.firstToken) {
      const candidate = make(run, 'NORP', 'demonym', [RULES.dictionaryName], taggedType ? ['gazetteer', 'model'] : ['gazetteer']);
      candidate.country = dictionaryCode;
      out.push(candidate);
      continue;
    }

    if (miscHead) continue;
    // Organisations and places keep their nationality in their name: "U.S. Army", "Netherlands Antilles".
    const span = (type === 'ORG' || type === 'LOC' || type === 'GPE') && !role && !post ? { firstToken: run.firstToken, endToken: run.endToken } : name;
    const candidate = make(span, type, 'name', rules, taggedType ? ['rule', 'model'] : ['rule']);
    if (role) candidate.role = role;
    if (country) candidate.country = country;
    if (post) candidate.post = post;
    if (counterpart) candidate.counterpart = true;
    out.push(candidate);
  }
  out.push(...lowerCasePlaces());
  return out;

  /**
   * "restaurants in cordoba", "I will travel from maryland": web text written in lower case names places too. After a
   * preposition of place, one or two lower-case words that are a country, region or city, and no word news writes in
   * lower case ("in march", "in china shops" stay words), are that place.
   */
  function lowerCasePlaces(): Candidate[] {
    const found: Candidate[] = [];
    const lower = (k: number) => k < sentence.endToken && /^\p{Ll}+$/u.test(tokens[k]!.text) && knowledge.isLowerCaseWord?.(tokens[k]!.normal) === false;
    for (let k = s0 + 1; k < sentence.endToken; k++) {
      if (!LOCATIVE_PREPOSITIONS.has(tokens[k - 1]!.normal) || !lower(k)) continue;
      for (const n of [2, 1]) {
        if (n === 2 && !(k + 1 < sentence.endToken && /^\p{Ll}+$/u.test(tokens[k + 1]!.text))) continue;
        const written = phrase(k, k + n).replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
        const iso3 = knowledge.countryOfName(written);
        const kind = iso3 ? 'country' : knowledge.placeKindOf(written);
        if (kind !== 'country' && kind !== 'admin1' && kind !== 'city') continue;
        const candidate = make({ firstToken: k, endToken: k + n }, 'GPE', 'name', [RULES.lowerCasePlace], ['gazetteer']);
        if (iso3) candidate.country = iso3;
        found.push(candidate);
        k += n - 1;
        break;
      }
    }
    return found;
  }

  function placeAt(i: number, limit: number): { iso3: string; length: number } | null {
    for (let n = Math.min(3, limit - i); n >= 1; n--) {
      const words = phrase(i, i + n);
      if (knowledge.placeKindOf(words)) return { iso3: knowledge.capitalOf(words) ?? knowledge.countryOfName(words) ?? '', length: n };
    }
    return null;
  }

  /** Country or demonym (or "Iran ’s") ending at token index p. */
  function countryEndingAt(p: number): string | null {
    const token = tokens[p];
    if (!token || p < s0) return null;
    if ((token.normal === '’s' || token.normal === "'s") && p - 1 >= s0) {
      for (let n = 1; n <= 3 && p - n >= s0; n++) {
        const iso3 = knowledge.countryOfName(phrase(p - n, p));
        if (iso3) return iso3;
      }
      return null;
    }
    for (let n = 1; n <= 3 && p - n + 1 >= s0; n++) {
      const words = phrase(p - n + 1, p + 1);
      const iso3 = knowledge.countryOfName(words) ?? (n === 1 ? knowledge.countryOfDemonym(words) : null);
      if (iso3) return iso3;
    }
    return null;
  }

  function appositiveRole(after: number): { role: string; country?: string; post?: string } | null {
    if (tokens[after]?.text !== ',' || tokens[after]!.sentence !== sentence.index) return null;
    let p = after + 1;
    if (DETERMINERS.has(tokens[p]?.normal ?? '')) p++;
    let country: string | undefined;
    const c = countryAt(p, Math.min(sentence.endToken, p + 4));
    if (c) {
      country = c.iso3;
      p += c.length;
      if (tokens[p]?.normal === '’s' || tokens[p]?.normal === "'s") p++;
    }
    // Skip one adjective: "the top U.S. envoy", "a senior official".
    if (!roleAt(p) && tokens[p]?.pos === 'ADJ') p++;
    const r = roleAt(p);
    if (!r || p >= sentence.endToken) return null;
    const result: { role: string; country?: string; post?: string } = { role: r.entry.role };
    if (country) result.country = country;
    p += r.length;
    if (POST_PREPOSITIONS.has(tokens[p]?.normal ?? '')) {
      const postCountry = countryAt(p + 1, sentence.endToken);
      if (postCountry) result.post = postCountry.iso3;
    }
    return result;
  }

  /** A lower-case noun for an organisation right before the run ("news agency Fars"), one for the press after it ("Xinhua news agency"), or "X-based" before it. */
  function organisationNounBeside(run: TokenRange): boolean {
    const lowerWord = (k: number) => k >= s0 && k < sentence.endToken && !isCapitalised(tokens[k]!);
    // "the London-based Reporters Without Borders", "a Lagos-based Intelogic executive"
    if (isBasedIn(tokens, run.firstToken, s0)) return true;
    for (let n = 1; n <= 2; n++) {
      const first = run.firstToken - n;
      if (lowerWord(first) && lowerWord(run.firstToken - 1) && ORG_NOUNS_BEFORE.has(normals.slice(first - s0, run.firstToken - s0).join(' '))) return true;
      if (lowerWord(run.endToken) && lowerWord(run.endToken + n - 1) && ORG_NOUNS_AFTER.has(normals.slice(run.endToken - s0, run.endToken + n - s0).join(' '))) return true;
    }
    return false;
  }

  /** Tokens [from, to) name an organisation: the tagger's ORG, one the actor dictionaries know, an ORG head word or an acronym that is no place. */
  function isOrganisationName(from: number, to: number): boolean {
    const words = phrase(from, to);
    if (knowledge.placeKindOf(words)) return false;
    return spanType({ firstToken: from, endToken: to }) === 'ORG' || (knowledge.dictionaryCode?.(words)?.length ?? 0) > 3 || ORG_HEADS.has(tokens[to - 1]!.normal) || /^[A-Z]{2,6}$/.test(words);
  }

  function spanType(run: TokenRange): TaggedSpan['type'] | undefined {
    return taggedTypes.get(`${run.firstToken}:${run.endToken}`);
  }

  /**
   * 'Matiu "Matt" Ratana': tagger spans of one type that open and close a run the rules joined over a nickname.
   * "the rebel Popular Front for National Renaissance": the tagger's one organisation that closes the run types it.
   */
  function typeOfSpansCovering(run: TokenRange): TaggedSpan['type'] | undefined {
    const inside = taggedSpans.filter((t) => t.firstToken >= run.firstToken && t.endToken <= run.endToken);
    const organisation = inside.length === 1 && inside[0]!.type === 'ORG' ? inside[0]! : undefined;
    if (organisation && organisation.endToken === run.endToken && organisation.endToken - organisation.firstToken >= 2 && organisation.firstToken - run.firstToken <= 2) return 'ORG';
    const type = inside[0]?.type;
    const opens = inside.some((t) => t.firstToken === run.firstToken);
    const closes = inside.some((t) => t.endToken === run.endToken);
    return type && opens && closes && inside.every((t) => t.type === type) && hasNickname(run) ? type : undefined;
  }

  function hasNickname(run: TokenRange): boolean {
    for (let k = run.firstToken + 1; k < run.endToken - 1; k++) if (/^["“‘']$/.test(tokens[k]!.text)) return true;
    return false;
  }

  /** "Barcelona", "Real Madrid": the run, or its last word, is a town (a player's name seldom is). */
  function namedAfterTown(run: TokenRange): boolean {
    return knowledge.placeKindOf(phrase(run.firstToken, run.endToken)) === 'city' || (run.endToken - run.firstToken > 1 && knowledge.placeKindOf(tokens[run.endToken - 1]!.text) === 'city');
  }

  function inTeamPosition(run: TokenRange): boolean {
    const before = tokens[run.firstToken - 1];
    const after = tokens[run.endToken];
    const inside = (t: Token | undefined) => t !== undefined && t.sentence === sentence.index;
    if (inside(before) && TEAM_BEFORE.has(before!.normal)) return before!.normal !== 'to' && before!.normal !== 'with' ? true : ['lost', 'lose', 'loss', 'drew', 'draw', 'defeat'].includes(tokens[run.firstToken - 2]?.normal ?? '');
    if (inside(after) && (TEAM_AFTER.has(after!.normal) || isScore(after!))) return true;
    return inside(before) && isScore(before!);
  }

  /** Capitalised common words (not names): "Defender", "Head Coach", "Spokesman". */
  function onlyTitleWords(from: number, to: number): boolean {
    if (to - from > 3) return false;
    for (let i = from; i < to; i++) {
      const t = tokens[i]!;
      if (!isCapitalised(t) || !/^\p{Lu}\p{Ll}+$/u.test(t.text) || (t.pos === 'PROPN' && i > s0 && !atSentenceStartOf(i))) return false;
      if (knowledge.countryOfName(t.text) || knowledge.countryOfDemonym(t.text)) return false;
      if (isFirstName(i)) return false;
    }
    return true;
  }

  /** "Uhuru Kenyatta met …": a capitalised word at the sentence's start that news never writes in lower case is a name, not a title. */
  function isFirstName(i: number): boolean {
    return atSentenceStartOf(i) && knowledge.isLowerCaseWord !== undefined && !knowledge.isLowerCaseWord(tokens[i]!.normal);
  }

  function atSentenceStartOf(i: number): boolean {
    return i === s0 || /^["“‘'(\[—–-]$/.test(tokens[i - 1]!.text);
  }

  function isSpeechSubject(after: number): boolean {
    let p = after;
    // "Kazemi-Qomi, speaking at a separate media conference several hours later, said"
    if (tokens[p]?.text === ',') {
      let close = -1;
      for (let k = p + 1; k < Math.min(sentence.endToken, p + 15) && close < 0; k++) {
        scanSteps.count++;
        if (tokens[k]!.text === ',') close = k;
      }
      p = close > 0 ? close + 1 : p + 1;
    }
    while (tokens[p] && (tokens[p]!.pos === 'AUX' || tokens[p]!.pos === 'ADV') && p < sentence.endToken) p++;
    const verb = tokens[p];
    return verb !== undefined && p < sentence.endToken && SPEECH_VERBS.has(verb.lemma);
  }

  function allProperNouns(range: TokenRange): boolean {
    for (let i = range.firstToken; i < range.endToken; i++) {
      const t = tokens[i]!;
      if (t.text === '-' || !isCapitalised(t)) continue;
      if (t.pos !== 'PROPN') return false;
    }
    return true;
  }
}

/** "London-based" right before token k: a place, a hyphen and "based", in the sentence that starts at s0. */
export function isBasedIn(tokens: readonly Token[], k: number, s0: number): boolean {
  return k - 3 >= s0 && tokens[k - 1]!.normal === 'based' && /^[-‐–]$/.test(tokens[k - 2]!.text) && isCapitalised(tokens[k - 3]!);
}

/** Lines at least this long are wrapped prose, whose names may go on over the break ("John\nTower"). */
const WRAPPED_LINE = 50;

/**
 * A name never runs over the end of a short line: headings, datelines, scorecards and signature blocks put one
 * item per line ("CRICKET\nLondon"). Hard-wrapped prose keeps its names whole.
 */
function splitAtLineEnds(seg: Segmented, run: TokenRange): TokenRange[] {
  const { tokens, text } = seg;
  const out: TokenRange[] = [];
  let first = run.firstToken;
  for (let i = run.firstToken + 1; i < run.endToken; i++) {
    const gapStart = tokens[i - 1]!.end;
    const lineEnd = text.indexOf('\n', gapStart);
    if (lineEnd === -1 || lineEnd >= tokens[i]!.start) continue;
    if (lineEnd - (text.lastIndexOf('\n', gapStart - 1) + 1) >= WRAPPED_LINE) continue;
    out.push({ firstToken: first, endToken: i });
    first = i;
  }
  out.push({ firstToken: first, endToken: run.endToken });
  return out;
}

function isScore(token: Token): boolean {
  return /^\d{1,3}[-–]\d{1,3}$/.test(token.text);
}

/** "2-1" or "3 – 0" in the sentence. */
function hasScoreLine(tokens: readonly Token[], sentence: SentenceInfo): boolean {
  for (let k = sentence.firstToken; k < sentence.endToken; k++) {
    const t = tokens[k]!;
    if (isScore(t)) return true;
    if ((t.text === '-' || t.text === '–') && /^\d{1,2}$/.test(tokens[k - 1]?.text ?? '') && /^\d{1,2}$/.test(tokens[k + 1]?.text ?? '') && k + 1 < sentence.endToken) return true;
  }
  return false;
}

/** Words before a place: "in delhi", "from maryland" (not "to": "prone to calcium", "to ponder"). */
const LOCATIVE_PREPOSITIONS = new Set(['in', 'from', 'at', 'near', 'around', 'across', 'outside', 'inside', 'throughout']);

/** The outward part of a British postcode: "E17", "SW1A", "M1". */
const POSTCODE_DISTRICT = /^[A-Z]{1,2}\d{1,2}[A-Z]?$/;

function hasCapital(tokens: readonly Token[], range: TokenRange): boolean {
  for (let k = range.firstToken; k < range.endToken; k++) if (/\p{Lu}/u.test(tokens[k]!.text)) return true;
  return false;
}

function hasInnerCapital(tokens: readonly Token[], sentence: SentenceInfo): boolean {
  if (tokens[sentence.firstToken]?.pos === 'PROPN') return true;
  for (let k = sentence.firstToken + 1; k < sentence.endToken; k++) if (isCapitalised(tokens[k]!)) return true;
  return false;
}

function roleEndingAt(normals: readonly string[], last: number): ReturnType<typeof matchRole> {
  for (let n = 4; n >= 1; n--) {
    const first = last - n + 1;
    if (first < 0) continue;
    const r = matchRole(normals, first);
    if (r && r.length === n) return r;
  }
  return null;
}

/**
 * The tagger's spans join the rule runs: a tagger span replaces the runs it overlaps when it is longer.
 * Overlaps are read off per-token marks, not checked pair by pair, so that a run-on sentence stays linear.
 */
function mergeTaggerSpans(runs: TokenRange[], tagged: readonly TaggedSpan[], tokens: readonly Token[]): TokenRange[] {
  const spans = tagged.filter((t) => t.type !== 'MISC');
  // Only MISC spans ("[\\A{aAa"): nothing to merge, and no token range to size the marks by
  if (spans.length === 0) return runs;
  let lo = Infinity;
  let hi = 0;
  for (const x of [...runs, ...spans]) {
    lo = Math.min(lo, x.firstToken);
    hi = Math.max(hi, x.endToken);
  }
  const size = hi - lo + 1;
  // reachFrom[p]: the furthest end of a tagger span starting at or before token p; reachBefore[p]: strictly before p.
  const reachFrom = new Int32Array(size).fill(-1);
  for (const t of spans) reachFrom[t.firstToken - lo] = Math.max(reachFrom[t.firstToken - lo]!, t.endToken);
  const reachBefore = new Int32Array(size).fill(-1);
  for (let p = 1; p < size; p++) {
    scanSteps.count++;
    reachBefore[p] = Math.max(reachBefore[p - 1]!, reachFrom[p - 1]!);
    reachFrom[p] = Math.max(reachFrom[p]!, reachFrom[p - 1]!);
  }
  // A run inside a longer tagger span gives way to it.
  const swallowed = (r: TokenRange) => reachBefore[r.firstToken - lo]! >= r.endToken || reachFrom[r.firstToken - lo]! > r.endToken;
  const inRun = new Uint8Array(size);
  const taken = new Uint8Array(size);
  const mark = (marks: Uint8Array, x: TokenRange) => {
    for (let k = x.firstToken; k < x.endToken; k++) marks[k - lo] = 1;
  };
  const touches = (marks: Uint8Array, x: TokenRange) => {
    for (let k = x.firstToken; k < x.endToken; k++) {
      scanSteps.count++;
      if (marks[k - lo]) return true;
    }
    return false;
  };
  const key = (x: TokenRange) => `${x.firstToken}:${x.endToken}`;
  // "Palestinian Center" + the tagger's "Center for Policy and Survey Research": a run that an organisation of the
  // tagger's goes on from grows to its end
  const organisationFrom = new Map<number, TaggedSpan>();
  for (const t of spans) if (t.type === 'ORG' && (organisationFrom.get(t.firstToken)?.endToken ?? -1) < t.endToken) organisationFrom.set(t.firstToken, t);
  runs = runs.map((r, i) => {
    for (let k = r.firstToken + 1; k < r.endToken; k++) {
      const t = organisationFrom.get(k);
      if (!t || t.endToken <= r.endToken) continue;
      // not when a later run goes on past the organisation's end
      for (let j = i + 1; j < runs.length && runs[j]!.firstToken < t.endToken; j++) if (runs[j]!.endToken > t.endToken) return r;
      // "The Association" + "Association of Muslim Scholars": a leading "The" stays out
      return { firstToken: k === r.firstToken + 1 && tokens[r.firstToken]!.normal === 'the' ? k : r.firstToken, endToken: t.endToken };
    }
    return r;
  });
  for (const r of runs) mark(inRun, r);
  const out = runs.filter((r) => !swallowed(r));
  for (const r of out) mark(taken, r);
  const keys = new Set(out.map(key));
  for (const t of spans) {
    let add: TokenRange | null = null;
    if (!touches(taken, t)) add = { firstToken: t.firstToken, endToken: t.endToken };
    else if (!keys.has(key(t)) && !touches(inRun, t)) add = t;
    if (!add) continue;
    out.push(add);
    mark(taken, add);
    keys.add(key(add));
  }
  return out.sort((a, b) => a.firstToken - b.firstToken);
}

function allNorpWords(tokens: readonly Token[], run: TokenRange, knowledge: EntityKnowledge): boolean {
  for (let k = run.firstToken; k < run.endToken; k++) {
    const word = tokens[k]!.text;
    if (!knowledge.countryOfDemonym(word) && !RELIGIOUS_GROUPS.has(word.toLowerCase())) return false;
  }
  return true;
}

/** Surname key: the last word of a name, without a particle prefix ("Nuri al-Maliki" → "maliki"). */
function surnameOf(name: string): string {
  const last = name.split(/\s+/).at(-1) ?? name;
  return last.replace(/^(al|el|bin|ibn|abu|ul|ben)[-‐]/i, '').toLowerCase();
}

function buildEntities(seg: Segmented, candidates: Candidate[], knowledge: EntityKnowledge): Entity[] {
  const { tokens } = seg;
  const entities: Entity[] = [];
  const byKey = new Map<string, Entity>();
  const personBySurname = new Map<string, Entity>();
  const mentionOf = (c: Candidate, kind: Mention['kind']): Mention => ({ start: c.start, end: c.end, sentence: c.sentence, kind });
  const add = (key: string, make: () => Entity, mention: Mention, rules: string[], sources: EntitySource[]): Entity => {
    let entity = byKey.get(key);
    if (!entity) {
      entity = make();
      byKey.set(key, entity);
      entities.push(entity);
    }
    entity.mentions.push(mention);
    for (const r of rules) if (!entity.rules.includes(r)) entity.rules.push(r);
    for (const s of sources) if (!entity.sources.includes(s)) entity.sources.push(s);
    return entity;
  };
  const newEntity = (type: EntityType, name: string): Entity => ({ id: '', type, name, mentions: [], sources: [], rules: [] });

  // People named in full first, so that later surnames ("Crocker") find them.
  for (const c of candidates) {
    if (c.type !== 'PERSON') continue;
    const known = c.endToken - c.firstToken === 1 || !c.text.includes(' ') ? personBySurname.get(surnameOf(c.text)) : undefined;
    if (known && !c.text.includes(' ')) continue; // a lone surname: linked below
    const entity = add(`PERSON:${c.text.toLowerCase()}`, () => newEntity('PERSON', c.text), mentionOf(c, 'name'), c.rules, c.sources);
    if (c.role && !entity.role) entity.role = c.role;
    if (c.country && !entity.country) entity.country = c.country;
    if (c.post && !entity.post) entity.post = c.post;
    if (c.counterpart && !entity.role) {
      // "his Iranian counterpart": the role of the other person with a role in the same sentence.
      const other = entities.find((e) => e !== entity && e.type === 'PERSON' && e.role && e.mentions.some((m) => m.sentence === c.sentence));
      if (other?.role) entity.role = other.role;
      if (other?.post && !entity.post) entity.post = other.post;
    }
    if (c.text.includes(' ') || c.text.includes('-')) personBySurname.set(surnameOf(c.text), entity);
  }

  for (const c of candidates) {
    if (c.type === 'PERSON' && byKey.has(`PERSON:${c.text.toLowerCase()}`)) continue;
    // "the Syrian Democratic Forces (SDF) … the SDF said": an acronym of an organisation named before is that organisation
    const expanded = c.type !== 'NORP' && !c.country ? organisationOfAcronym(c.text, entities) : undefined;
    if (expanded) {
      add(`ORG:${expanded.name.toLowerCase()}`, () => expanded, mentionOf(c, 'name'), [RULES.acronym], c.sources);
      continue;
    }
    const person = personBySurname.get(surnameOf(c.text));
    // A known person's surname wins over a small place of the same name ("Crocker", Missouri) but not over a country.
    if (person && c.type !== 'NORP' && !c.country && c.endToken - c.firstToken <= 3) {
      add(`PERSON:${person.name.toLowerCase()}`, () => person, mentionOf(c, 'surname'), [RULES.surname], c.sources);
      continue;
    }
    switch (c.type) {
      case 'GPE':
      case 'LOC': {
        const iso3 = c.country;
        if (iso3) {
          const entity = add(`GPE:${iso3}`, () => ({ ...newEntity('GPE', knowledge.countryName(iso3)), country: iso3 }), mentionOf(c, c.kind), c.rules, c.sources);
          if (!entity.country) entity.country = iso3;
        } else {
          const capital = knowledge.capitalOf(c.text);
          add(`${c.type}:${c.text.toLowerCase()}`, () => ({ ...newEntity(c.type!, c.text), ...(capital ? { country: capital } : {}) }), mentionOf(c, 'name'), c.rules, c.sources);
        }
        break;
      }
      case 'NORP': {
        const name = c.country ? demonymName(c.country, c.text, knowledge) : (RELIGIOUS_GROUPS.get(c.text.toLowerCase()) ?? c.text);
        add(`NORP:${c.country ?? name.toLowerCase()}`, () => ({ ...newEntity('NORP', name), ...(c.country ? { country: c.country } : {}) }), mentionOf(c, 'demonym'), c.rules, c.sources);
        break;
      }
      case 'ORG': {
        const entity = add(`ORG:${c.text.toLowerCase()}`, () => newEntity('ORG', c.text), mentionOf(c, 'name'), c.rules, c.sources);
        if (c.country && !entity.country) entity.country = c.country;
        break;
      }
      default:
        break;
    }
  }

  linkPronouns(seg, entities);
  // Mentions in text order; entities numbered by first mention.
  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start);
  entities.sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);
  entities.forEach((e, i) => (e.id = `e${i + 1}`));
  void tokens;
  return entities;
}

/** The organisation named so far whose capitalised words' initials spell `text` ("SDF" → Syrian Democratic Forces). */
function organisationOfAcronym(text: string, entities: readonly Entity[]): Entity | undefined {
  if (!/^[A-Z]{2,6}$/.test(text)) return undefined;
  return entities.find((e) => e.type === 'ORG' && e.name !== text && initials(e.name) === text);
}

/** "Korean People's Army" → "KPA": first letters of the capitalised words (hyphenated parts counted apart). */
function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join('');
}

function demonymName(iso3: string, text: string, knowledge: EntityKnowledge): string {
  // "Iranians" → "Iranian": the NORP entity is the nationality, named by its adjective.
  const word = text.replace(/s$/i, '');
  return knowledge.countryOfDemonym(word) === iso3 ? word.charAt(0).toUpperCase() + word.slice(1) : text;
}

/**
 * "he said", "Crocker said he had been…": a personal pronoun that is the subject of a speech verb, or of the
 * clause a speech verb introduces, refers to the most recent person mentioned before it.
 */
function linkPronouns(seg: Segmented, entities: Entity[]): void {
  const people = entities.filter((e) => e.type === 'PERSON');
  if (people.length === 0) return;
  const { tokens } = seg;
  for (const token of tokens) {
    if (!PERSONAL_PRONOUNS.has(token.normal)) continue;
    if (!isSpeechPronoun(tokens, token)) continue;
    let best: Entity | null = null;
    let bestStart = -1;
    for (const person of people) {
      for (const m of person.mentions) {
        if (m.start < token.start && m.start > bestStart) {
          best = person;
          bestStart = m.start;
        }
      }
    }
    if (!best) continue;
    best.mentions.push({ start: token.start, end: token.end, sentence: token.sentence, kind: 'pronoun' });
    if (!best.rules.includes(RULES.pronoun)) best.rules.push(RULES.pronoun);
  }
}

function isSpeechPronoun(tokens: readonly Token[], pronoun: Token): boolean {
  const same = (t: Token | undefined) => t !== undefined && t.sentence === pronoun.sentence;
  // subject of a speech verb: "he said", "he had told", "he also said"
  for (let k = pronoun.i + 1; k <= pronoun.i + 3; k++) {
    const t = tokens[k];
    if (!same(t)) break;
    if (SPEECH_VERBS.has(t!.lemma) && (t!.pos === 'VERB' || t!.pos === 'AUX')) return true;
    if (t!.pos !== 'AUX' && t!.pos !== 'ADV' && t!.pos !== 'PART') break;
  }
  // subject of the clause a speech verb introduces: "said he had", "said that he would"
  const previous = tokens[pronoun.i - 1];
  const beforeThat = tokens[pronoun.i - 2];
  if (same(previous) && SPEECH_VERBS.has(previous!.lemma) && previous!.pos === 'VERB') return true;
  if (same(previous) && previous!.normal === 'that' && same(beforeThat) && SPEECH_VERBS.has(beforeThat!.lemma)) return true;
  // "“…,” he said." — also a pronoun after a closing quote mark
  return false;
}
