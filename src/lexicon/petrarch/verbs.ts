/**
 * The PETRARCH-2 verb dictionary (data/petrarch/CAMEO.2.0.txt, MIT, Open Event Data Alliance) and a matcher of
 * its patterns over plain word arrays.
 *
 * Format (see the file's header and PETRARCH's PETRreader.read_verb_dictionary):
 *   &MILITARY / +TROOPS / +ARMED_FORCES       a synset: `+` members, `_` joins the words of a member
 *   ---  REFUSE   [---]  ---                   a verb block with its default code (`---`: no event)
 *   DECLINE [120]                              a member verb with its own code
 *   WITHSTAND {WITHSTANDS WITHSTANDING ...}    irregular forms (otherwise -S, -ED, -ING are generated)
 *   +RULE_OUT                                  a multi-word verb; `+` marks the verb, the rest are particles
 *   - * &PROPOSAL  [120]  # REJECT             a pattern: `*` is the verb, words before it precede the verb,
 *                                              `(TO BORDER)` a prepositional phrase, `{ARMS SHIPMENT}` a noun
 *                                              phrase, `$` / `+` the source / target, `# REJECT` the verb it came from
 *   [042:043]                                  a code with a second event from target to source; `[:173]` only that
 * Patterns belong to their block and apply to every verb of it. Rule ids are `cameo2:<line>`.
 *
 * Simplifications (there is no parse tree here):
 * - A pattern matches when its words occur in order in `before` / `after`: the first word after the verb within
 *   VERB_REACH words of it, words before the verb among the last BEFORE_REACH, the words inside `(...)` and
 *   `{...}` at most GROUP_GAP words apart, `_`-joined words consecutive, other words at any distance.
 * - `$`, `+`, `^` and `%` are ignored: the matcher does not know where the actors are.
 * - Words match as written or with the noun number changed (ALLEGATION ~ "allegations", TALKS ~ "talk") or, for
 *   -ED/-ING pattern words, as the bare verb (DETERMINED ~ "determine"); a hyphenated word also matches its
 *   parts ("sit", "-", "in"), as wink tokenizes it. Synset members get the same variants (no `_` plural rule).
 * - Multi-word verbs match when their particles follow the verb directly ("call off the talks", not "call the
 *   talks off").
 * - Among matching patterns: most words, then the one nearest the verb, then the one whose `# VERB` comment names
 *   this verb, then the later line (PETRARCH-2 keeps the last of identical patterns). A `[---]` winner gives null.
 * - A verb listed in several blocks gets the patterns of all of them and the first non-null default code.
 * - Patterns naming an undefined synset (&FIGHT_GAMES, &WEATHER...) are skipped, as PETRARCH does, and the
 *   TRANSFORMATIONS section is not read.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface VerbMatch {
  code: string;
  /** Second event, from the target to the source, of a paired code: VISIT [042:043] gives "043" (B hosts A). */
  pairedCode: string | null;
  /** The event runs from the target to the source (`[:173]`: "appear before court" → the court charges). */
  reversed: boolean;
  /** `cameo2:<line>` of the pattern, or of the verb line when its default code applies. */
  ruleId: string;
  /** The dictionary verb, lower-cased: "accuse", "call off". */
  verb: string;
  /** Indices into `after` of the particles and pattern words that matched, ascending. */
  matched: number[];
  /** Indices into `before` of the pattern words that matched, ascending. */
  matchedBefore: number[];
  /** Number of pattern words matched; 0 for a verb's default code. */
  specificity: number;
}

/** Words inside `(...)` or `{...}` may be this many words apart: (TO BORDER) ~ "to the Iranian border". */
const GROUP_GAP = 2;
/**
 * Stand-ins for "in the verb's object / subject": the first pattern word after the verb may have at most
 * VERB_REACH words before it ("demand the immediate and unconditional release"), which keeps `- * ON [190] # PRESS`
 * off "need to see Iranian action on the ground"; words before the verb are looked for among the last BEFORE_REACH.
 */
const VERB_REACH = 4;
const BEFORE_REACH = 8;

type WordSet = ReadonlySet<string>;

/** One pattern word or synset: alternative word sequences, keyed by the words their first element accepts. */
type Term = Map<string, WordSet[][]>;

/** A pattern's words in order, each with the largest gap allowed before it (Infinity: any). */
interface Sequence {
  terms: Term[];
  gaps: number[];
}

interface EventCode {
  code: string;
  pairedCode: string | null;
  reversed: boolean;
}

interface Pattern {
  id: string;
  line: number;
  /** Null for `[---]`. */
  code: EventCode | null;
  before: Sequence;
  after: Sequence;
  specificity: number;
  /** Lower-cased (first word of the) verb named in the comment: "reject", "ruled" for RULED_OUT. */
  origin: string | null;
}

/** A verb block's patterns, indexed by the words that can match their rarest word, after or before the verb. */
interface Block {
  patterns: Pattern[];
  afterAnchors: Map<string, Pattern[]>;
  beforeAnchors: Map<string, Pattern[]>;
}

interface VerbEntry {
  /** "reject", "call off". */
  lemma: string;
  particles: WordSet[];
  code: EventCode | null;
  id: string;
  block: Block;
  /** Forms of the verb word, the lemma's first word included ("rule", "ruled", "rules"...). */
  forms: string[];
}

interface VerbDictionary {
  /** Keyed by every form of the verb word (the word after `+` for multi-word verbs). */
  byForm: Map<string, VerbEntry[]>;
  /** Keyed by the verb word's lemma ("call" for CALL and +CALL_OFF). */
  byLemma: Map<string, VerbEntry[]>;
  /** Every entry's lemma: "accuse", "call off". */
  lemmas: Set<string>;
}

const CAMEO_VERBS = fileURLToPath(new URL('../../../data/petrarch/CAMEO.2.0.txt', import.meta.url));

/** Forms a pattern word may take in text: "allegation" → allegation, allegations; "determined" → determine, ... */
function variants(word: string): Set<string> {
  const out = new Set([word]);
  if (word.length >= 3 && /^[a-z]+$/.test(word)) {
    if (word.endsWith('ies')) out.add(`${word.slice(0, -3)}y`);
    else if (/(s|x|z|ch|sh)es$/.test(word)) out.add(word.slice(0, -2));
    if (word.endsWith('s') && !word.endsWith('ss') && word.length >= 4) out.add(word.slice(0, -1));
    if (/[^aeiou]y$/.test(word)) out.add(`${word.slice(0, -1)}ies`);
    else if (/(s|x|z|ch|sh)$/.test(word)) out.add(`${word}es`);
    else if (!word.endsWith('s')) out.add(`${word}s`);
    if (word.endsWith('ed') && word.length >= 5) out.add(word.slice(0, -1)).add(word.slice(0, -2));
    if (word.endsWith('ing') && word.length >= 6) out.add(word.slice(0, -3)).add(`${word.slice(0, -3)}e`);
  }
  return out;
}

/** "SIT-IN" → [sit-in] and [sit, -, in]; "DEBT_RELIEF" → [debt, relief]. */
function sequencesOf(written: string): WordSet[][] {
  const words = written.toLowerCase().split(/[_\s]+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const whole = words.map(variants);
  if (!words.some((w) => w.includes('-'))) return [whole];
  const split = words.flatMap((w) => w.split(/(-)/).filter((p) => p !== '')).map(variants);
  return [whole, split];
}

function termOf(sequences: WordSet[][]): Term {
  const term: Term = new Map();
  for (const sequence of sequences) {
    const [first, ...rest] = sequence;
    if (!first) continue;
    for (const word of first) {
      const list = term.get(word) ?? [];
      list.push(rest);
      term.set(word, list);
    }
  }
  return term;
}

/** Code text "042:043", ":173", "120", "080!" → EventCode; "---" → null. */
function eventCode(text: string): EventCode | null {
  const [first = '', second] = text.replace(/[^\d:]/g, '').split(':');
  if (first === '' && (second === undefined || second === '')) return null;
  if (first === '') return { code: second!, pairedCode: null, reversed: true };
  return { code: first, pairedCode: second === undefined || second === '' ? null : second, reversed: false };
}

/** Regular forms as PETRARCH generates them: URGE → urges, urged, urging. */
function regularForms(verb: string): string[] {
  const s = /[sxz]$/.test(verb) ? `${verb}es` : `${verb}s`;
  if (verb.endsWith('e')) return [s, `${verb}d`, `${verb.slice(0, -1)}ing`];
  return [s, `${verb}ed`, `${verb}ing`];
}

/**
 * Indexes each pattern of `blocks` under the words of one of its terms, the one whose words are rarest in the
 * dictionary ("talks" rather than "to" in `- * (TO TALKS)`), so that a clause only tries patterns that can match.
 */
function indexPatterns(blocks: readonly Block[]): void {
  const uses = new Map<Term, number>();
  for (const block of blocks) for (const p of block.patterns) for (const term of [...p.before.terms, ...p.after.terms]) uses.set(term, (uses.get(term) ?? 0) + 1);
  const frequency = new Map<string, number>();
  for (const [term, n] of uses) for (const word of term.keys()) frequency.set(word, (frequency.get(word) ?? 0) + n);
  const weights = new Map<Term, number>();
  const weight = (term: Term): number => {
    let sum = weights.get(term);
    if (sum === undefined) {
      sum = 0;
      for (const word of term.keys()) sum += frequency.get(word)!;
      weights.set(term, sum);
    }
    return sum;
  };
  for (const block of blocks) {
    for (const pattern of block.patterns) {
      let anchor: [Term, Map<string, Pattern[]>] | null = null;
      for (const [terms, anchors] of [[pattern.after.terms, block.afterAnchors], [pattern.before.terms, block.beforeAnchors]] as const) {
        for (const term of terms) if (!anchor || weight(term) < weight(anchor[0])) anchor = [term, anchors];
      }
      for (const word of anchor![0].keys()) {
        const list = anchor![1].get(word);
        if (!list) anchor![1].set(word, [pattern]);
        else if (list.at(-1) !== pattern) list.push(pattern);
      }
    }
  }
}

/** Pattern side → Sequence; null when it names an undefined synset. `known` keeps the terms made so far, by word. */
function sequenceOf(side: string, synsets: Map<string, Term>, known: Map<string, Term>): Sequence | null {
  const terms: Term[] = [];
  const gaps: number[] = [];
  let depth = 0;
  let groupStarted = false;
  for (const token of side.split(/\s+/)) {
    if (token === '') continue;
    const opens = /^[({]*/.exec(token)![0].length;
    const closes = /[)}]*$/.exec(token)![0].length;
    const word = token.slice(opens, token.length - closes);
    if (depth === 0 && opens > 0) groupStarted = true;
    depth += opens;
    if (word !== '' && !/^[$+^%]$/.test(word)) {
      let term: Term | undefined;
      if (word.startsWith('&')) {
        term = synsets.get(word.replace(/_$/, ''));
        if (!term) return null;
      } else {
        term = known.get(word);
        if (!term) known.set(word, (term = termOf(word.split('/').flatMap(sequencesOf))));
      }
      terms.push(term);
      gaps.push(depth > 0 && !groupStarted ? GROUP_GAP : Infinity);
      groupStarted = false;
    }
    depth = Math.max(0, depth - closes);
  }
  return { terms, gaps };
}

function parsePattern(text: string, line: number, synsets: Map<string, Term>, known: Map<string, Term>): Pattern | null {
  const hash = text.indexOf('#');
  const body = hash >= 0 ? text.slice(0, hash) : text;
  const origin = hash >= 0 ? (/^\s*([A-Z][A-Z-]*)/.exec(text.slice(hash + 1))?.[1]?.toLowerCase() ?? null) : null;
  const codes = [...body.matchAll(/\[([^\]]*)\]/g)];
  const lastCode = codes.at(-1);
  const star = body.indexOf('*');
  if (!lastCode || star < 0) return null;
  const words = body.slice(1, lastCode.index);
  const before = sequenceOf(words.slice(0, star - 1), synsets, known);
  const after = sequenceOf(words.slice(star), synsets, known);
  if (!before || !after) return null;
  const specificity = before.terms.length + after.terms.length;
  if (specificity === 0) return null;
  return { id: `cameo2:${line}`, line, code: eventCode(lastCode[1]!), before, after, specificity, origin };
}

/** "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]" → verb words, forms of the verb word, code text. */
function parseVerbLine(text: string): { words: string[]; forms: string[]; code: string | null } {
  const hash = text.indexOf('#');
  const body = (hash >= 0 ? text.slice(0, hash) : text).trim();
  const code = /\[([^\]]*)\]/.exec(body)?.[1] ?? null;
  const brace = /\{([^}]*)\}/.exec(body);
  const head = body.replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ').trim().split(/\s+/)[0] ?? '';
  const words = head.replace(/^\+/, '').toLowerCase().split('_').filter((w) => w !== '');
  const verbWord = words[0] ?? '';
  const given = brace ? brace[1]!.split(/[\s,]+/).filter((f) => f !== '').map((f) => f.replace(/^\+/, '').split('_')[0]!.toLowerCase()) : null;
  const forms = [verbWord, ...(given ?? (verbWord === '' ? [] : regularForms(verbWord)))];
  return { words, forms: [...new Set(forms)], code };
}

function parseDictionary(): VerbDictionary {
  const dictionary: VerbDictionary = { byForm: new Map(), byLemma: new Map(), lemmas: new Set() };
  const synsets = new Map<string, Term>();
  const lines = readFileSync(CAMEO_VERBS, 'utf8').split('\n');
  let synset: { name: string; members: WordSet[][] } | null = null;
  const blocks: Block[] = [];
  const terms = new Map<string, Term>();
  let block: (Block & { code: EventCode | null }) | null = null;
  const closeSynset = (): void => {
    if (synset) synsets.set(synset.name, termOf(synset.members));
    synset = null;
  };
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.startsWith('######## TRANSFORMATIONS')) break;
    const text = raw.trimEnd();
    if (text.trim() === '' || text.startsWith('#')) continue;
    if (text.startsWith('&')) {
      closeSynset();
      synset = { name: text.trim().replace(/_$/, ''), members: [] };
    } else if (synset && text.startsWith('+')) {
      synset.members.push(...sequencesOf(text.slice(1).replace(/#.*/, '')));
    } else if (text.startsWith('---')) {
      closeSynset();
      block = { code: eventCode(/\[([^\]]*)\]/.exec(text)?.[1] ?? '---'), patterns: [], afterAnchors: new Map(), beforeAnchors: new Map() };
      blocks.push(block);
    } else if (text.startsWith('-')) {
      closeSynset();
      if (!block) continue;
      const pattern = parsePattern(text, n + 1, synsets, terms);
      if (pattern) block.patterns.push(pattern);
    } else if (block) {
      closeSynset();
      const { words, forms, code } = parseVerbLine(text);
      if (words.length === 0) continue;
      const entry: VerbEntry = {
        lemma: words.join(' '),
        particles: words.slice(1).map(variants),
        code: code === null ? block.code : eventCode(code),
        id: `cameo2:${n + 1}`,
        block,
        forms,
      };
      const add = (map: Map<string, VerbEntry[]>, key: string): void => {
        const list = map.get(key) ?? [];
        list.push(entry);
        map.set(key, list);
      };
      dictionary.lemmas.add(entry.lemma);
      add(dictionary.byLemma, words[0]!);
      for (const form of forms) add(dictionary.byForm, form);
    }
  }
  indexPatterns(blocks);
  return dictionary;
}

let parsed: VerbDictionary | null = null;

function dictionary(): VerbDictionary {
  parsed ??= parseDictionary();
  return parsed;
}

/** [from, from + 1, ..., to - 1] */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/** Length of the longest alternative of `term` starting at words[at]; 0 when none. */
function termLength(term: Term, words: readonly string[], at: number): number {
  const word = words[at];
  const rests = word === undefined ? undefined : term.get(word);
  if (!rests) return 0;
  let best = 0;
  for (const rest of rests) {
    if (rest.length + 1 <= best) continue;
    let k = 0;
    while (k < rest.length && rest[k]!.has(words[at + 1 + k] ?? '')) k++;
    if (k === rest.length) best = rest.length + 1;
  }
  return best;
}

/** Indices of the leftmost match of `sequence` in `words` from term `t` on, starting at or after `from`; the first term starts by `reach`. */
function sequenceMatch(sequence: Sequence, words: readonly string[], reach: number, t = 0, from = 0): number[] | null {
  if (t === sequence.terms.length) return [];
  const last = Math.min(words.length - 1, from + (t === 0 ? reach : sequence.gaps[t]!));
  for (let at = from; at <= last; at++) {
    const length = termLength(sequence.terms[t]!, words, at);
    if (length === 0) continue;
    const rest = sequenceMatch(sequence, words, reach, t + 1, at + length);
    if (rest) return [...range(at, at + length), ...rest];
  }
  return null;
}

/** The block's patterns whose anchor word (see indexPatterns) occurs in the clause: the only ones that can match. */
function anchored(block: Block, before: readonly string[], after: readonly string[]): Set<Pattern> {
  const patterns = new Set<Pattern>();
  for (const [words, anchors] of [[after, block.afterAnchors], [before, block.beforeAnchors]] as const) {
    if (anchors.size === 0) continue;
    for (const word of words) for (const pattern of anchors.get(word) ?? []) patterns.add(pattern);
  }
  return patterns;
}

interface Candidate {
  pattern: Pattern;
  matched: number[];
  matchedBefore: number[];
  /** The pattern's comment names this verb. */
  originMatch: boolean;
}

function particlesMatch(entry: VerbEntry, after: readonly string[]): boolean {
  return entry.particles.every((forms, k) => forms.has(after[k] ?? ''));
}

/** The dictionary entries for a verb: multi-word ones whose particles follow it, else the single word's. */
function entriesFor(lemma: string, after: readonly string[]): VerbEntry[] {
  const { byLemma, byForm } = dictionary();
  const candidates = byLemma.get(lemma) ?? byForm.get(lemma) ?? [];
  let longest = 0;
  for (const entry of candidates) if (entry.particles.length > longest && particlesMatch(entry, after)) longest = entry.particles.length;
  return candidates.filter((entry) => entry.particles.length === longest && (longest === 0 || particlesMatch(entry, after)));
}

/**
 * The CAMEO code of a verb in its clause: the most specific matching pattern, else the verb's default code;
 * null when the verb is not in the dictionary, when its block has no code and no pattern matches, or when the
 * best pattern is coded `[---]`.
 * @param lemma the verb's lemma ("accuse"); the word as written works for forms the dictionary lists
 * @param before lower-cased lemmas/words of the clause before the verb, in order
 * @param after lower-cased lemmas/words of the clause after the verb, in order
 * @example matchVerb('sever', [], ['diplomatic', 'ties', 'with', 'tehran']) // { code: '161', ruleId: 'cameo2:3562', matched: [0, 1], … }
 */
export function matchVerb(lemma: string, before: readonly string[], after: readonly string[]): VerbMatch | null {
  const entries = entriesFor(lemma, after);
  const first = entries[0];
  if (!first) return null;
  const skip = first.particles.length;
  const rest = skip === 0 ? after : after.slice(skip);
  const nearStart = Math.max(0, before.length - BEFORE_REACH);
  const near = before.slice(nearStart);
  const particleIndices = range(0, skip);
  let best: Candidate | null = null;
  for (const [k, { block }] of entries.entries()) {
    if (k > 0 && entries.findIndex((entry) => entry.block === block) < k) continue;
    for (const pattern of anchored(block, near, rest)) {
      if (best && pattern.specificity < best.pattern.specificity) continue;
      const matchedAfter = sequenceMatch(pattern.after, rest, VERB_REACH);
      if (!matchedAfter) continue;
      const matchedBefore = sequenceMatch(pattern.before, near, Infinity);
      if (!matchedBefore) continue;
      const matched = matchedAfter.map((i) => i + skip);
      const candidate: Candidate = { pattern, matched, matchedBefore: matchedBefore.map((i) => i + nearStart), originMatch: pattern.origin !== null && first.forms.includes(pattern.origin) };
      if (!best || better(candidate, best)) best = candidate;
    }
  }
  if (best) {
    const code = best.pattern.code;
    if (!code) return null;
    return verbMatch(code, best.pattern.id, first.lemma, [...particleIndices, ...best.matched], best.matchedBefore, best.pattern.specificity);
  }
  const coded = entries.find((entry) => entry.code !== null);
  if (!coded) return null;
  return verbMatch(coded.code!, coded.id, coded.lemma, particleIndices, [], 0);
}

// Properties spelt out: spreading the shared EventCode made matchVerb ten times slower.
function verbMatch(code: EventCode, ruleId: string, verb: string, matched: number[], matchedBefore: number[], specificity: number): VerbMatch {
  return { code: code.code, pairedCode: code.pairedCode, reversed: code.reversed, ruleId, verb, matched, matchedBefore, specificity };
}

/** Most words, then nearest the verb, then named by the verb's comment, then the later line. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.pattern.specificity !== b.pattern.specificity) return a.pattern.specificity > b.pattern.specificity;
  const nearA = a.matched[0] ?? Infinity;
  const nearB = b.matched[0] ?? Infinity;
  if (nearA !== nearB) return nearA < nearB;
  if (a.originMatch !== b.originMatch) return a.originMatch;
  return a.pattern.line > b.pattern.line;
}

/** Every verb of the dictionary, multi-word ones with their particles: "accuse", "call off", "is determined". */
export function verbLemmas(): ReadonlySet<string> {
  return dictionary().lemmas;
}
