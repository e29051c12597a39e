/**
 * PETRARCH-2 verb dictionaries (the shipped data/petrarch/CAMEO.2.0.txt, MIT, Open Event Data Alliance, or any
 * file in its format) and a matcher of their patterns over the words around a verb.
 *
 * Format (see the header of CAMEO.2.0.txt and PETRARCH's PETRreader.read_verb_dictionary):
 *   &MILITARY / +TROOPS / +ARMED_FORCES       a synset: `+` members, `_` joins the words of a member; a member may
 *                                              name another synset (`+&TIETYPES`)
 *   ---  REFUSE   [---]  ---                   a verb block with its default code (`---`: no event)
 *   DECLINE [120]                              a member verb with its own code
 *   WITHSTAND {WITHSTANDS WITHSTANDING ...}    irregular forms (otherwise -S, -ED, -ING are generated)
 *   +RULE_OUT / WIRE_+TAP                      a multi-word verb: `+` marks the verb, the other words must come
 *                                              right after it (RULE OUT) or right before it (WIRE TAP)
 *   - * &PROPOSAL  [120]  # REJECT             a pattern: `*` is the verb; words before it come before the verb,
 *                                              words after it after; a space lets other words in between, `_`
 *                                              does not (`IN_*`: "in" right before the verb); `(TO BORDER)` a
 *                                              prepositional phrase and `{ARMS SHIPMENT}` a noun phrase, whose
 *                                              words are at most GROUP_GAP words apart; `$` / `+` where the
 *                                              source / target is, `%` a compound actor that is both, `^` an
 *                                              actor skipped; `# REJECT` the verb the pattern was written for
 *   [042:043]                                  a code with a second event from target to source; `[:173]` only that
 * Patterns belong to their block and apply to every verb of it. Rule ids name the entry by its content, never its
 * line: `cameo2:ACCUSE:- * OF $ [112]` for a pattern, `cameo2:REFUSE:DECLINE [120]` for a verb's own code; a user's
 * file has "user:" and its name before ("user:petr.validate.verbs:RESTORE:- * TIES [064]").
 *
 * Simplifications (there is no parse tree here):
 * - Words after the verb are matched from the verb on, the first within VERB_REACH words of it (unless an actor
 *   slot comes first); words before the verb among its last BEFORE_REACH words, the match nearest the verb.
 * - `$`, `+`, `%` need at least one word where they stand; the match reports those words (ActorSlot) and, when the
 *   caller says which words are actors, needs an actor there and names it.
 * - Words match as written or with the noun number changed (ALLEGATION ~ "allegations", TALKS ~ "talk") or, for
 *   -ED/-ING pattern words, as the bare verb (DETERMINED ~ "determine"); a hyphenated word also matches its
 *   parts ("sit", "-", "in"); N'T matches "not". Synset members get the same variants. With `exact` (PETRARCH's own
 *   matching, for `--dictionaries`): words only as written, synset members also in PETRARCH's plural, no reach limits.
 * - Among matching patterns: most words, then most actor slots, then the one nearest the verb, then the one whose
 *   `# VERB` comment names this verb, then the later one (PETRARCH-2 keeps the last of identical patterns). A
 *   `[---]` winner gives null. Codes keep their letters and digits (`[080!]` → 080, `[174K]` → 174K); a code
 *   without digits (`[---]`, `[def]`) is no event.
 * - A verb listed in several blocks gets the patterns of all of them and the first non-null default code.
 * - A user's verb replaces the shipped entries of the same verb word (theirs win); synsets are shared, a user's
 *   synset replacing a shipped one of the same name.
 * - The TRANSFORMATIONS section (`~` lines) is not read.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { pack, unpack, type StringList } from '../packed.ts';
import { dictionaryLines, DictionaryError, shippedSources, type DictionaryOrigin, type DictionarySource } from './files.ts';

/** A word as the caller has it: one form, or several (the word as written and its lemma: ["left", "leave"]). */
export type WordForms = string | readonly string[];

/** Where a pattern puts an actor: words [start, end) of `before` or `after`. */
export interface ActorSlot {
  side: 'before' | 'after';
  start: number;
  end: number;
  /**
   * The word of the actor the pattern points at, when the caller gave `actors`: after the verb the first actor
   * word of the slot, before it the last one (the one nearest the pattern word beside the slot). Null otherwise.
   */
  at: number | null;
}

export interface VerbMatch {
  code: string;
  /** Second event, from the target to the source, of a paired code: VISIT [042:043] gives "043" (B hosts A). */
  pairedCode: string | null;
  /** The event runs from the target to the source (`[:173]`: "appear before court" → the court charges). */
  reversed: boolean;
  /** The dictionary entry by content: `cameo2:ACCUSE:- * OF $ [112]`, or the verb line when its own code applies. */
  ruleId: string;
  /** Shipped dictionary or the user's. */
  origin: DictionaryOrigin;
  /** Name of the verb block the entry belongs to ("ABANDON"): what a code outside CAMEO is called. */
  block: string;
  /** The dictionary verb, lower-cased: "accuse", "call off", "wire tap". */
  verb: string;
  /** Indices into `after` of the particles and pattern words that matched, ascending. */
  matched: number[];
  /** Indices into `before` of the particles and pattern words that matched, ascending. */
  matchedBefore: number[];
  /** Number of pattern words (and synsets) matched; 0 for a verb's own code. */
  specificity: number;
  /** `$`: where the source is. */
  source: ActorSlot | null;
  /** `+`: where the target is. */
  target: ActorSlot | null;
  /** `%`: a compound actor that is source and target of each other ("% * [030:030]": "X and Y agree"). */
  compound: ActorSlot | null;
}

export interface VerbMatchOptions {
  /** Which words of each side belong to an actor; patterns with `$`, `+` or `%` then need an actor in their slot. */
  actors?: { before: readonly boolean[]; after: readonly boolean[] };
}

export interface VerbDictionary {
  /**
   * The code of a verb in its clause: the most specific matching pattern, else the verb's own code; null when the
   * verb is not in the dictionary, when it has no code and no pattern matches, or when the best pattern is `[---]`.
   * @param verb the verb as written and/or its lemma (the written form is looked up first: "left" is LEFT before LEAVE)
   * @param before lower-cased words (or word forms) of the clause before the verb, in order; for PETRARCH's own
   *   matching (`exact`), the words as written (a lemma would stand in for the word it stems)
   * @param after lower-cased words (or word forms) of the clause after the verb, in order
   */
  match(verb: WordForms, before: readonly WordForms[], after: readonly WordForms[], options?: VerbMatchOptions): VerbMatch | null;
  /** Every verb of the dictionary, multi-word ones with their particles: "accuse", "call off", "wire tap". */
  readonly lemmas: ReadonlySet<string>;
  readonly stats: { blocks: number; verbs: number; patterns: number; synsets: number };
  /** Lines that could not be read (and were skipped); loadDictionaries refuses a user's file that has any. */
  readonly issues: readonly DictionaryError[];
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
type Marker = '$' | '+' | '%' | '^';

/** One pattern word or synset: alternative word sequences, keyed by the words their first element accepts. */
interface Term {
  byFirst: Map<string, WordSet[][]>;
  /** Lengths of the alternatives, longest first. */
  lengths: number[];
}

/** One side of a pattern (before or after the verb). */
interface Side {
  terms: Term[];
  /** Largest number of words between term i and what comes before it (the previous term; after the verb: the verb). */
  gaps: number[];
  /** Before the verb: the largest number of words between the last term and the verb (0 for `IN_*`). */
  tail: number;
  /** Actor markers, each standing after `index` terms of the side; `joined`: written `SUGGESTED_+`, the actor comes right there. */
  markers: { marker: Marker; index: number; joined: boolean }[];
  /** Per gap (before term i; at n: after the last term), the words a marker standing there needs: 1, else 0. */
  needs: number[];
}

interface EventCode {
  code: string;
  pairedCode: string | null;
  reversed: boolean;
}

interface Pattern {
  id: string;
  /** Name of its verb block. */
  block: string;
  /** Reading order over all files: the tie-breaker of last resort. */
  order: number;
  /** Null for `[---]`. */
  code: EventCode | null;
  before: Side;
  after: Side;
  specificity: number;
  markers: number;
  /** Lower-cased (first word of the) verb named in the comment: "reject", "ruled" for RULED_OUT. */
  origin: string | null;
  sourceOrigin: DictionaryOrigin;
}

/** A verb block's patterns, indexed by the words that can match their rarest word, after or before the verb. */
interface Block {
  name: string;
  code: EventCode | null;
  patterns: Pattern[];
  afterAnchors: Map<string, Pattern[]>;
  beforeAnchors: Map<string, Pattern[]>;
  /** Patterns made of actor markers only (`- % * [030:030]`): tried always. */
  unanchored: Pattern[];
  /** Pattern lines read when the block is first matched (the compiled shipped dictionary, see readPending); null once read. */
  pending: PendingPattern[] | null;
}

/** A pattern line left to be read: `read` parses it (its issues are the compiled ones, already known). */
interface PendingPattern {
  order: number;
  read: (issues: DictionaryError[]) => Pattern | null;
}

interface VerbEntry {
  /** "reject", "call off", "wire tap". */
  lemma: string;
  /** Words right after the verb (RULE_OUT) and right before it (WIRE_+TAP), each with its variants. */
  particles: WordSet[];
  frontParticles: WordSet[];
  code: EventCode | null;
  id: string;
  origin: DictionaryOrigin;
  block: Block;
  /** Forms of the verb word ("rule", "ruled", "rules"...). */
  forms: string[];
}

/** The entries of one origin: a user's verbs hide the shipped ones of the same verb word. */
interface Layer {
  /** Keyed by every form of the verb word. */
  byForm: Map<string, VerbEntry[]>;
  /** Keyed by the verb word as the dictionary writes it ("call" for CALL and +CALL_OFF). */
  byWord: Map<string, VerbEntry[]>;
}

/** TreeBank's pieces of contractions, as the tokenizer gives them: CA N'T ~ "can not". */
const CONTRACTIONS = new Map([["n't", 'not'], ['ca', 'can'], ['wo', 'will'], ["'re", 'are'], ["'ll", 'will'], ["'ve", 'have'], ["'m", 'am']]);

/**
 * Forms a pattern word may take in text: "allegation" → allegation, allegations; "determined" → determine, ...;
 * `exact` (PETRARCH's matching): the word as written and its contraction only.
 */
function variants(word: string, exact = false): Set<string> {
  const out = new Set([word]);
  const contraction = CONTRACTIONS.get(word);
  if (contraction) out.add(contraction);
  if (!exact && word.length >= 3 && /^[a-z]+$/.test(word)) {
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
function sequencesOf(written: string, exact = false): WordSet[][] {
  const words = written.toLowerCase().split(/[_\s]+/).filter((w) => w !== '');
  if (words.length === 0) return [];
  const whole = words.map((w) => variants(w, exact));
  if (!words.some((w) => w.includes('-') && w !== '-')) return [whole];
  const split = words.flatMap((w) => w.split(/(-)/).filter((p) => p !== '')).map((w) => variants(w, exact));
  return [whole, split];
}

/** PETRARCH's plural of a synset member: its last word -Y → -IES, -S → -SES, else -S ("SWISS FRANCS" → "SWISS FRANCSES"). */
function memberPlural(member: string): string {
  if (/y$/i.test(member)) return `${member.slice(0, -1)}IES`;
  if (/s$/i.test(member)) return `${member}ES`;
  return `${member}S`;
}

function termOf(sequences: WordSet[][]): Term {
  const byFirst = new Map<string, WordSet[][]>();
  const lengths = new Set<number>();
  for (const sequence of sequences) {
    const [first, ...rest] = sequence;
    if (!first) continue;
    lengths.add(sequence.length);
    for (const word of first) {
      const list = byFirst.get(word) ?? [];
      list.push(rest);
      byFirst.set(word, list);
    }
  }
  return { byFirst, lengths: [...lengths].sort((a, b) => b - a) };
}

/** Code text "042:043", ":173", "120", "080!" (→ 080), "174K" → EventCode; "---", "def" (no digit) → null. */
function eventCode(text: string): EventCode | null {
  const [first = '', second] = text.replace(/[^\dA-Za-z:]/g, '').split(':').map((part) => (/\d/.test(part) ? part : ''));
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

/** "- * IN_ $  [075]" → "- * IN_ $ [075]": the entry's content, the part of its rule id after the block. */
function entryText(text: string): string {
  return text.trim().replace(/\s+/g, ' ');
}

const MARKERS = new Set(['$', '+', '%', '^']);

interface Element {
  kind: 'word' | 'synset' | 'marker';
  text: string;
  /** Written with `_` to the element before it. */
  joined: boolean;
  /** Inside `(...)` or `{...}`, not its first word. */
  grouped: boolean;
}

/**
 * The words, synsets and markers of one side of a pattern; null when its brackets do not pair up. A synset name
 * takes the `_`-joined words after it while they make a longer defined name (&FIGHT_OF_WORDS), else it ends at the
 * next `_` (NEW_&TIETYPES_RELATIONS is NEW, &TIETYPES, RELATIONS, as PETRARCH reads it).
 */
function elementsOf(text: string, isSynset: (name: string) => boolean): Element[] | null {
  const out: Element[] = [];
  let depth = 0;
  for (const token of text.split(/\s+/)) {
    if (token === '') continue;
    const opens = /^[({]*/.exec(token)![0].length;
    const closes = /[)}]*$/.exec(token)![0].length;
    const inner = token.slice(opens, Math.max(opens, token.length - closes));
    const groupStart = opens > 0;
    depth += opens;
    const parts = inner.split('_');
    for (let k = 0; k < parts.length; k++) {
      let part = parts[k]!;
      if (part === '') continue;
      if (part.startsWith('&')) {
        for (let j = parts.length; j > k + 1; j--) {
          const joined = parts.slice(k, j).join('_');
          if (isSynset(joined)) {
            part = joined;
            parts.splice(k + 1, j - k - 1);
            break;
          }
        }
      }
      const kind = MARKERS.has(part) ? 'marker' : part.startsWith('&') ? 'synset' : 'word';
      out.push({ kind, text: part, joined: k > 0, grouped: k === 0 && depth > 0 && !groupStart });
    }
    depth -= closes;
    if (depth < 0) return null;
  }
  return depth === 0 ? out : null;
}

interface Parsed {
  /** Words before the verb that patterns look at (BEFORE_REACH, or all of them in PETRARCH's matching). */
  beforeReach: number;
  blocks: Block[];
  layers: Record<DictionaryOrigin, Layer>;
  lemmas: Set<string>;
  issues: DictionaryError[];
  stats: { blocks: number; verbs: number; patterns: number; synsets: number };
  /** Each pattern's anchor by reading order (see encodeAnchor), when its lines are read on first use; null when read at once. */
  anchors: Int32Array | null;
}

/** The lines of every file, read once, and the synsets they define (a later file's synset replaces an earlier one's). */
function readSynsets(files: { source: DictionarySource; lines: ReturnType<typeof dictionaryLines> }[]): Map<string, { members: string[]; plurals: boolean; file: string; line: number }> {
  const synsets = new Map<string, { members: string[]; plurals: boolean; file: string; line: number }>();
  for (const { source, lines } of files) {
    let current: string[] | null = null;
    for (const { text, line } of lines) {
      const trimmed = text.trim();
      if (trimmed.startsWith('&')) {
        current = [];
        const name = trimmed.split(/\s+/)[0]!;
        // &AUXVERB3_: no plurals for its members
        synsets.set(name.replace(/_$/, ''), { members: current, plurals: !name.endsWith('_'), file: source.path, line });
      } else if (current && trimmed.startsWith('+')) current.push(trimmed.slice(1).trim());
      else current = null;
    }
  }
  return synsets;
}

export interface VerbLoadOptions {
  /**
   * PETRARCH's own matching (for `--dictionaries`): pattern words only as written (synset members also in the plural
   * PETRARCH makes), no stemming, and no VERB_REACH / BEFORE_REACH limits (the caller gives the verb's clause).
   */
  exact?: boolean;
}

/** Loads verb dictionaries: shipped ones first, a user's after (their verbs win). Lines it cannot read are `issues`. */
export function loadVerbDictionary(sources: readonly DictionarySource[], options: VerbLoadOptions = {}): VerbDictionary {
  const parsed = parseFiles(sources, options.exact === true, null);
  indexPatterns(parsed.blocks);
  return dictionaryOf(parsed);
}

function dictionaryOf(parsed: Parsed): VerbDictionary {
  return {
    match: (verb, before, after, options) => matchVerbIn(parsed, verb, before, after, options),
    lemmas: parsed.lemmas,
    stats: parsed.stats,
    issues: parsed.issues,
  };
}

/** `anchors`: read pattern lines when their block is first matched and file them so (see readPending). */
function parseFiles(sources: readonly DictionarySource[], exact: boolean, anchors: Int32Array | null): Parsed {
  const files = sources.map((source) => ({ source, lines: dictionaryLines(source.path) }));
  const synsetTexts = readSynsets(files);
  const issues: DictionaryError[] = [];
  const synsetTerms = new Map<string, Term | null>();
  /** The synset's term, members naming other synsets expanded; null when undefined (or defined in terms of itself). */
  const synset = (name: string, seen: ReadonlySet<string> = new Set()): Term | null => {
    const known = synsetTerms.get(name);
    if (known !== undefined) return known;
    const defined = synsetTexts.get(name);
    if (!defined || seen.has(name)) return null;
    const sequences: WordSet[][] = [];
    for (const member of defined.members) {
      if (member.startsWith('&')) {
        const inner = synset(member.replace(/_$/, ''), new Set([...seen, name]));
        if (inner) for (const [first, rests] of inner.byFirst) for (const rest of rests) sequences.push([new Set([first]), ...rest]);
      } else {
        sequences.push(...sequencesOf(member, exact));
        if (exact && defined.plurals && !member.endsWith('_')) sequences.push(...sequencesOf(memberPlural(member), true));
      }
    }
    const term = termOf(sequences);
    synsetTerms.set(name, term);
    return term;
  };
  const wordTerms = new Map<string, Term>();
  const wordTerm = (word: string): Term => {
    let term = wordTerms.get(word);
    if (!term) wordTerms.set(word, (term = termOf(word.split('/').flatMap((w) => sequencesOf(w, exact)))));
    return term;
  };

  const parsed: Parsed = {
    beforeReach: exact ? Infinity : BEFORE_REACH,
    blocks: [],
    layers: { shipped: { byForm: new Map(), byWord: new Map() }, user: { byForm: new Map(), byWord: new Map() } },
    lemmas: new Set(),
    issues,
    stats: { blocks: 0, verbs: 0, patterns: 0, synsets: synsetTexts.size },
    anchors,
  };
  let order = 0;

  /** One side of a pattern; null (with an issue) when it cannot be read. */
  const sideOf = (text: string, after: boolean, where: { file: string; line: number }): Side | null => {
    const elements = elementsOf(text.replace(/^_/, '').replace(/_$/, ''), (name) => synsetTexts.has(name));
    if (!elements) {
      issues.push(new DictionaryError(where.file, where.line, 'the ( ) or { } of this pattern do not pair up; close every group you open'));
      return null;
    }
    const side: Side = { terms: [], gaps: [], tail: after ? Infinity : text.endsWith('_') ? 0 : Infinity, markers: [], needs: [] };
    let markerBefore = false;
    for (const element of elements) {
      if (element.kind === 'marker') {
        side.markers.push({ marker: element.text as Marker, index: side.terms.length, joined: element.joined });
        markerBefore = true;
        continue;
      }
      let term: Term | null;
      if (element.kind === 'synset') {
        term = synset(element.text.replace(/_$/, ''));
        if (!term) {
          issues.push(new DictionaryError(where.file, where.line, `the synset ${element.text} is not defined; define it (${element.text} on a line, then +WORD lines) or remove the pattern`));
          return null;
        }
      } else term = wordTerm(element.text.toLowerCase());
      const first = side.terms.length === 0;
      let gap: number;
      if (element.joined && !markerBefore) gap = 0;
      else if (markerBefore) gap = Infinity;
      else if (element.grouped) gap = GROUP_GAP;
      else gap = first && after && !exact ? VERB_REACH : Infinity;
      if (first && after && text.startsWith('_') && !markerBefore) gap = 0;
      side.terms.push(term);
      side.gaps.push(gap);
      markerBefore = false;
    }
    side.needs = new Array<number>(side.terms.length + 1).fill(0);
    for (const m of side.markers) side.needs[m.index] = 1;
    return side;
  };

  for (const { source, lines } of files) {
    const layer = parsed.layers[source.origin];
    let block: Block | null = null;
    let inSynset = false;
    for (const { text, line, comment } of lines) {
      const trimmed = text.trim();
      const where = { file: source.path, line };
      if (trimmed.startsWith('~')) continue;
      if (trimmed.startsWith('&')) {
        inSynset = true;
        continue;
      }
      if (trimmed.startsWith('+') && inSynset) continue;
      inSynset = false;
      const brackets = (trimmed.match(/\[/g) ?? []).length;
      if (brackets !== (trimmed.match(/\]/g) ?? []).length) {
        issues.push(new DictionaryError(source.path, line, 'a [ is not closed by ] (or a ] has no [); write codes as [042] or [042:043]'));
        continue;
      }
      if (trimmed.startsWith('---')) {
        const name = trimmed.replace(/\[[^\]]*\]/g, ' ').replace(/^-+|-+$/g, '').trim();
        if (name === '') {
          issues.push(new DictionaryError(source.path, line, 'a verb block needs a name: --- NAME [code] ---'));
          block = null;
          continue;
        }
        block = { name, code: eventCode(/\[([^\]]*)\]/.exec(trimmed)?.[1] ?? '---'), patterns: [], afterAnchors: new Map(), beforeAnchors: new Map(), unanchored: [], pending: null };
        parsed.blocks.push(block);
        parsed.stats.blocks++;
        continue;
      }
      if (!block) {
        issues.push(new DictionaryError(source.path, line, 'this line comes before any verb block; start a block with --- NAME [code] --- (synsets start with &)'));
        continue;
      }
      if (trimmed.startsWith('-')) {
        const into = block;
        const patternOrder = order++;
        const read = (found: DictionaryError[]) => parsePattern(trimmed, comment, into, source, where, sideOf, patternOrder, found);
        if (anchors) {
          (block.pending ??= []).push({ order: patternOrder, read });
          continue;
        }
        const pattern = read(issues);
        if (pattern) {
          block.patterns.push(pattern);
          parsed.stats.patterns++;
        }
        continue;
      }
      const verb = parseVerbLine(trimmed);
      if (!verb) {
        issues.push(new DictionaryError(source.path, line, 'cannot read this verb line; write VERB, VERB [code], VERB {FORMS} [code], +VERB_PARTICLE or WORD_+VERB'));
        continue;
      }
      const entry: VerbEntry = {
        lemma: [...verb.front, verb.word, ...verb.back].join(' '),
        particles: verb.back.map((w) => variants(w, exact)),
        frontParticles: verb.front.map((w) => variants(w, exact)),
        code: verb.code === null ? block.code : eventCode(verb.code),
        id: `${source.id}:${block.name}:${entryText(trimmed)}`,
        origin: source.origin,
        block,
        forms: verb.forms,
      };
      parsed.lemmas.add(entry.lemma);
      parsed.stats.verbs++;
      add(layer.byWord, verb.word, entry);
      for (const form of verb.forms) add(layer.byForm, form, entry);
    }
  }
  return parsed;
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function parsePattern(
  text: string,
  comment: string,
  block: Block,
  source: DictionarySource,
  where: { file: string; line: number },
  sideOf: (text: string, after: boolean, where: { file: string; line: number }) => Side | null,
  order: number,
  issues: DictionaryError[],
): Pattern | null {
  const lastCode = [...text.matchAll(/\[([^\]]*)\]/g)].at(-1);
  if (!lastCode) {
    issues.push(new DictionaryError(where.file, where.line, 'a pattern needs a code at its end: - * WORDS [042]'));
    return null;
  }
  const body = text.slice(1, lastCode.index).replace(/_\s/g, ' ');
  const star = body.indexOf('*');
  if (star < 0) {
    issues.push(new DictionaryError(where.file, where.line, 'a pattern needs * where the verb goes: - * WORDS [042]'));
    return null;
  }
  const before = sideOf(body.slice(0, star), false, where);
  const after = sideOf(body.slice(star + 1), true, where);
  if (!before || !after) return null;
  const specificity = before.terms.length + after.terms.length;
  const markers = before.markers.length + after.markers.length;
  if (specificity === 0 && markers === 0) return null;
  const origin = /^([A-Z][A-Z-]*)/.exec(comment)?.[1]?.toLowerCase() ?? null;
  return { id: `${source.id}:${block.name}:${entryText(text)}`, block: block.name, order, code: eventCode(lastCode[1]!), before, after, specificity, markers, origin, sourceOrigin: source.origin };
}

/** "+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]" → verb word, words around it, forms of the verb word, code text. */
function parseVerbLine(text: string): { word: string; front: string[]; back: string[]; forms: string[]; code: string | null } | null {
  const code = /\[([^\]]*)\]/.exec(text)?.[1] ?? null;
  const brace = /\{([^}]*)\}/.exec(text);
  if (text.includes('{') && !brace) return null;
  const head = text.replace(/\{[^}]*\}|\[[^\]]*\]/g, ' ').trim().split(/\s+/)[0] ?? '';
  if (head === '' || /[[\]{}()*$%]/.test(head)) return null;
  const parts = head.toLowerCase().split('_').filter((w) => w !== '');
  let at = parts.findIndex((w) => w.startsWith('+'));
  if (at < 0) at = 0;
  const word = parts[at]!.replace(/^\+/, '');
  if (word === '') return null;
  const formOf = (written: string): string | undefined => {
    const formParts = written.toLowerCase().split('_').filter((w) => w !== '');
    const plus = formParts.findIndex((w) => w.startsWith('+'));
    return (formParts[plus < 0 ? 0 : plus] ?? '').replace(/^\+/, '') || undefined;
  };
  const given = brace ? brace[1]!.split(/[\s,]+/).filter((f) => f !== '').map(formOf).filter((f) => f !== undefined) : null;
  const forms = [word, ...(given ?? regularForms(word))];
  return { word, front: parts.slice(0, at), back: parts.slice(at + 1), forms: [...new Set(forms)], code };
}

/**
 * Indexes each pattern of `blocks` under the words of one of its terms, the one whose words are rarest in the
 * dictionary ("talks" rather than "to" in `- * (TO TALKS)`), so that a clause only tries patterns that can match.
 */
function indexPatterns(blocks: readonly Block[]): void {
  const weight = termWeights(blocks);
  for (const block of blocks) for (const pattern of block.patterns) fileUnder(block, pattern, anchorOf(pattern, weight));
}

/** A term's weight: how often its first words occur in the terms of all patterns of `blocks`. */
function termWeights(blocks: readonly Block[]): (term: Term) => number {
  const uses = new Map<Term, number>();
  for (const block of blocks) for (const p of block.patterns) for (const term of [...p.before.terms, ...p.after.terms]) uses.set(term, (uses.get(term) ?? 0) + 1);
  const frequency = new Map<string, number>();
  for (const [term, n] of uses) for (const word of term.byFirst.keys()) frequency.set(word, (frequency.get(word) ?? 0) + n);
  const weights = new Map<Term, number>();
  return (term) => {
    let sum = weights.get(term);
    if (sum === undefined) {
      sum = 0;
      for (const word of term.byFirst.keys()) sum += frequency.get(word)!;
      weights.set(term, sum);
    }
    return sum;
  };
}

/** Where a pattern is indexed: the lightest of its terms, after the verb first; null for markers only. */
interface Anchor {
  side: 'after' | 'before';
  term: number;
}

function anchorOf(pattern: Pattern, weight: (term: Term) => number): Anchor | null {
  let anchor: Anchor | null = null;
  let lightest = 0;
  for (const side of ['after', 'before'] as const) {
    pattern[side].terms.forEach((term, k) => {
      const w = weight(term);
      if (!anchor || w < lightest) [anchor, lightest] = [{ side, term: k }, w];
    });
  }
  return anchor;
}

/** An anchor as a number (the compiled dictionary's): -1 none, 2k the k-th term after the verb, 2k + 1 before it. */
function encodeAnchor(anchor: Anchor | null): number {
  return anchor === null ? -1 : anchor.term * 2 + (anchor.side === 'before' ? 1 : 0);
}

function decodeAnchor(code: number): Anchor | null {
  return code < 0 ? null : { side: code % 2 === 1 ? 'before' : 'after', term: code >> 1 };
}

function fileUnder(block: Block, pattern: Pattern, anchor: Anchor | null): void {
  if (!anchor) {
    block.unanchored.push(pattern);
    return;
  }
  const anchors = anchor.side === 'after' ? block.afterAnchors : block.beforeAnchors;
  for (const word of pattern[anchor.side].terms[anchor.term]!.byFirst.keys()) {
    const list = anchors.get(word);
    if (!list) anchors.set(word, [pattern]);
    else if (list.at(-1) !== pattern) list.push(pattern);
  }
}

/** Reads a block's pending pattern lines, in order, and files each under its compiled anchor. */
function readPending(block: Block, anchors: Int32Array): void {
  const pending = block.pending;
  if (!pending) return;
  block.pending = null;
  // the dictionary's issues are the compiled ones, which already hold these lines'
  const known: DictionaryError[] = [];
  for (const { order, read } of pending) {
    const pattern = read(known);
    if (!pattern) continue;
    block.patterns.push(pattern);
    fileUnder(block, pattern, decodeAnchor(anchors[order]!));
  }
}

type Forms = readonly string[];

function formsOf(word: WordForms): Forms {
  return typeof word === 'string' ? [word] : word;
}

function hasAny(set: WordSet, forms: Forms | undefined): boolean {
  if (!forms) return false;
  for (const f of forms) if (set.has(f)) return true;
  return false;
}

/** Whether an alternative of `term` of exactly `length` words matches words[at...]. */
function termMatches(term: Term, words: readonly Forms[], at: number, length: number): boolean {
  const first = words[at];
  if (!first || at + length > words.length) return false;
  for (const f of first) {
    const rests = term.byFirst.get(f);
    if (!rests) continue;
    for (const rest of rests) {
      if (rest.length + 1 !== length) continue;
      let k = 0;
      while (k < rest.length && hasAny(rest[k]!, words[at + 1 + k])) k++;
      if (k === rest.length) return true;
    }
  }
  return false;
}

type Span = [start: number, end: number];

/** Leftmost match of the side's terms t... in `words` from `from` on; each term's span. */
function matchForward(side: Side, words: readonly Forms[], t: number, from: number, needs: readonly number[]): Span[] | null {
  const n = side.terms.length;
  if (t === n) return needs[n]! > 0 && from >= words.length ? null : [];
  const min = from + needs[t]!;
  const last = Math.min(words.length - 1, from + side.gaps[t]!);
  for (let at = min; at <= last; at++) {
    for (const length of side.terms[t]!.lengths) {
      if (!termMatches(side.terms[t]!, words, at, length)) continue;
      const rest = matchForward(side, words, t + 1, at + length, needs);
      if (rest) return [[at, at + length], ...rest];
    }
  }
  return null;
}

/** Match of the side's terms ...t in `words` ending by `end`, the one nearest `end` (the verb); `prefix` words precede `words`. */
function matchBackward(side: Side, words: readonly Forms[], t: number, end: number, needs: readonly number[], prefix: number): Span[] | null {
  if (t < 0) return needs[0]! > 0 && end + prefix <= 0 ? null : [];
  const maxGap = t === side.terms.length - 1 ? side.tail : side.gaps[t + 1]!;
  const latest = end - needs[t + 1]!;
  const earliest = Math.max(0, end - maxGap);
  for (let e = latest; e >= earliest && e > 0; e--) {
    for (const length of side.terms[t]!.lengths) {
      if (length > e || !termMatches(side.terms[t]!, words, e - length, length)) continue;
      const rest = matchBackward(side, words, t - 1, e - length, needs, prefix);
      if (rest) return [...rest, [e - length, e]];
    }
  }
  return null;
}

interface Candidate {
  pattern: Pattern;
  /** Spans of the pattern's terms after the verb (in words after its particles) and before it (in the last BEFORE_REACH words). */
  afterSpans: Span[];
  beforeSpans: Span[];
  slots: Partial<Record<'$' | '+' | '%', ActorSlot>>;
  /** The pattern's comment names this verb. */
  originMatch: boolean;
}

function particlesMatch(entry: VerbEntry, before: readonly Forms[], after: readonly Forms[]): boolean {
  const front = entry.frontParticles;
  return entry.particles.every((forms, k) => hasAny(forms, after[k])) && front.every((forms, k) => hasAny(forms, before[before.length - front.length + k]));
}

/** The entries of the verb: the user's before the shipped ones; multi-word ones whose particles are there, else single words. */
function entriesFor(parsed: Parsed, verb: Forms, before: readonly Forms[], after: readonly Forms[]): VerbEntry[] {
  for (const origin of ['user', 'shipped'] as const) {
    const { byWord, byForm } = parsed.layers[origin];
    for (const form of verb) {
      const candidates = byWord.get(form) ?? byForm.get(form);
      if (!candidates) continue;
      let longest = -1;
      for (const entry of candidates) {
        const size = entry.particles.length + entry.frontParticles.length;
        if (size > longest && particlesMatch(entry, before, after)) longest = size;
      }
      if (longest < 0) continue;
      return candidates.filter((entry) => entry.particles.length + entry.frontParticles.length === longest && particlesMatch(entry, before, after));
    }
  }
  return [];
}

/** The block's patterns whose anchor word (see indexPatterns) occurs in the clause, and those without words. */
function anchored(block: Block, before: readonly Forms[], after: readonly Forms[]): Set<Pattern> {
  const patterns = new Set<Pattern>(block.unanchored);
  for (const [words, anchors] of [[after, block.afterAnchors], [before, block.beforeAnchors]] as const) {
    if (anchors.size === 0) continue;
    for (const forms of words) for (const f of forms) for (const pattern of anchors.get(f) ?? []) patterns.add(pattern);
  }
  return patterns;
}

/**
 * The slots of a side's markers from its terms' spans (in words of the side from `offset` on: after the verb's
 * particles, or the last words before the verb); false when `actors` are known and a slot holds none.
 */
function slotsOf(side: Side, spans: readonly Span[], which: 'before' | 'after', offset: number, length: number, actors: readonly boolean[] | undefined, out: Candidate['slots']): boolean {
  for (const m of side.markers) {
    if (m.marker === '^') continue;
    // before the first term: from the verb's particles on (after), from the clause start (before)
    const start = m.index === 0 ? (which === 'after' ? offset : 0) : spans[m.index - 1]![1] + offset;
    const end = m.index === spans.length ? length : spans[m.index]![0] + offset;
    let at: number | null = null;
    if (actors) {
      if (m.joined) at = actors[start] ? start : null;
      else if (which === 'after') {
        for (let k = start; k < end && at === null; k++) if (actors[k]) at = k;
      } else for (let k = end - 1; k >= start && at === null; k--) if (actors[k]) at = k;
      if (at === null) return false;
    }
    out[m.marker] = { side: which, start, end, at };
  }
  return true;
}

function matchVerbIn(parsed: Parsed, verbWord: WordForms, beforeWords: readonly WordForms[], afterWords: readonly WordForms[], options: VerbMatchOptions = {}): VerbMatch | null {
  const before = beforeWords.map(formsOf);
  const after = afterWords.map(formsOf);
  const entries = entriesFor(parsed, formsOf(verbWord), before, after);
  const first = entries[0];
  if (!first) return null;
  const skip = first.particles.length;
  const frontSkip = first.frontParticles.length;
  const rest = skip === 0 ? after : after.slice(skip);
  const upper = frontSkip === 0 ? before : before.slice(0, before.length - frontSkip);
  const nearStart = Math.max(0, upper.length - parsed.beforeReach);
  const near = upper.slice(nearStart);
  const particleIndices = range(0, skip);
  const frontIndices = range(upper.length, before.length);
  let best: Candidate | null = null;
  for (const [k, { block }] of entries.entries()) {
    if (k > 0 && entries.findIndex((entry) => entry.block === block) < k) continue;
    if (block.pending) readPending(block, parsed.anchors!);
    for (const pattern of anchored(block, near, rest)) {
      if (best && pattern.specificity < best.pattern.specificity) continue;
      const afterSpans = matchForward(pattern.after, rest, 0, 0, pattern.after.needs);
      if (!afterSpans) continue;
      const beforeSpans = matchBackward(pattern.before, near, pattern.before.terms.length - 1, near.length, pattern.before.needs, nearStart);
      if (!beforeSpans) continue;
      const slots: Candidate['slots'] = {};
      if (!slotsOf(pattern.after, afterSpans, 'after', skip, after.length, options.actors?.after, slots)) continue;
      if (!slotsOf(pattern.before, beforeSpans, 'before', nearStart, upper.length, options.actors?.before, slots)) continue;
      const candidate: Candidate = {
        pattern,
        afterSpans,
        beforeSpans,
        slots,
        originMatch: pattern.origin !== null && first.forms.includes(pattern.origin),
      };
      if (!best || better(candidate, best)) best = candidate;
    }
  }
  if (best) {
    const code = best.pattern.code;
    if (!code) return null;
    const matched = best.afterSpans.flatMap(([s, e]) => range(s + skip, e + skip));
    const matchedBefore = best.beforeSpans.flatMap(([s, e]) => range(s + nearStart, e + nearStart));
    return verbMatch(code, best.pattern.id, best.pattern.sourceOrigin, best.pattern.block, first.lemma, [...particleIndices, ...matched], [...matchedBefore, ...frontIndices], best.pattern.specificity, best.slots);
  }
  const coded = entries.find((entry) => entry.code !== null);
  if (!coded) return null;
  return verbMatch(coded.code!, coded.id, coded.origin, coded.block.name, coded.lemma, particleIndices, frontIndices, 0, {});
}

/** [from, from + 1, ..., to - 1] */
function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

// Properties spelt out: spreading the shared EventCode made matching ten times slower.
function verbMatch(code: EventCode, ruleId: string, origin: DictionaryOrigin, block: string, verb: string, matched: number[], matchedBefore: number[], specificity: number, slots: Candidate['slots']): VerbMatch {
  return {
    code: code.code,
    pairedCode: code.pairedCode,
    reversed: code.reversed,
    ruleId,
    origin,
    block,
    verb,
    matched,
    matchedBefore,
    specificity,
    source: slots.$ ?? null,
    target: slots['+'] ?? null,
    compound: slots['%'] ?? null,
  };
}

/** Most words, then most actor slots, then nearest the verb, then named by the verb's comment, then the later one. */
function better(a: Candidate, b: Candidate): boolean {
  if (a.pattern.specificity !== b.pattern.specificity) return a.pattern.specificity > b.pattern.specificity;
  if (a.pattern.markers !== b.pattern.markers) return a.pattern.markers > b.pattern.markers;
  const nearA = a.afterSpans[0]?.[0] ?? Infinity;
  const nearB = b.afterSpans[0]?.[0] ?? Infinity;
  if (nearA !== nearB) return nearA < nearB;
  if (a.originMatch !== b.originMatch) return a.originMatch;
  return a.pattern.order > b.pattern.order;
}

let shipped: VerbDictionary | null = null;

/** Written by `npm run build` next to the compiled module (dist/lexicon/petrarch/verbs.bin); from src/ it is built in memory. */
const COMPILED = new URL('./verbs.bin', import.meta.url);

/** The compiled shipped dictionary for `npm run build`. */
export function writeCompiledVerbs(): void {
  writeFileSync(COMPILED, compileShippedVerbs());
}

function shippedVerbSources(): DictionarySource[] {
  return shippedSources().filter((s) => s.kind === 'verbs');
}

/**
 * What reading every pattern of the shipped dictionary tells, so that a process reads only the blocks it matches:
 * each pattern's anchor (indexPatterns weighs terms over all patterns), the counts and the lines' issues.
 */
function compileShippedVerbs(): Buffer {
  const parsed = parseFiles(shippedVerbSources(), false, null);
  const weight = termWeights(parsed.blocks);
  const patterns = parsed.blocks.flatMap((block) => block.patterns);
  const anchors = new Int32Array(patterns.reduce((last, p) => Math.max(last, p.order), -1) + 1).fill(-1);
  for (const pattern of patterns) anchors[pattern.order] = encodeAnchor(anchorOf(pattern, weight));
  const { blocks, verbs, patterns: patternCount, synsets } = parsed.stats;
  return pack({
    anchors,
    stats: Int32Array.of(blocks, verbs, patternCount, synsets),
    issueFiles: parsed.issues.map((issue) => issue.file),
    issueLines: Int32Array.from(parsed.issues, (issue) => issue.line ?? -1),
    issueProblems: parsed.issues.map((issue) => issue.problem),
  });
}

/** The shipped dictionary: verbs and synsets read now, each block's patterns when the block is first matched. */
function loadShippedVerbs(): VerbDictionary {
  const packed = unpack(existsSync(COMPILED) ? readFileSync(COMPILED) : compileShippedVerbs());
  const parsed = parseFiles(shippedVerbSources(), false, packed.get('anchors') as Int32Array);
  const [blocks, verbs, patterns, synsets] = packed.get('stats') as Int32Array as unknown as [number, number, number, number];
  const files = packed.get('issueFiles') as StringList;
  const lines = packed.get('issueLines') as Int32Array;
  const problems = packed.get('issueProblems') as StringList;
  parsed.stats = { blocks, verbs, patterns, synsets };
  parsed.issues = Array.from({ length: files.length }, (_, k) => new DictionaryError(files.at(k), lines[k]! < 0 ? null : lines[k]!, problems.at(k)));
  return dictionaryOf(parsed);
}

/** The shipped verb dictionary, data/petrarch/CAMEO.2.0.txt, compiled by `npm run build` (read on first use). */
export function shippedVerbDictionary(): VerbDictionary {
  shipped ??= loadShippedVerbs();
  return shipped;
}

/**
 * The shipped dictionary's code of a verb in its clause (see VerbDictionary.match).
 * @example matchVerb('sever', [], ['diplomatic', 'ties', 'with', 'tehran']) // { code: '161', ruleId: 'cameo2:SEPARATE:- * {DIPLOMATIC TIES} [161]', … }
 */
export function matchVerb(verb: WordForms, before: readonly WordForms[], after: readonly WordForms[], options?: VerbMatchOptions): VerbMatch | null {
  return shippedVerbDictionary().match(verb, before, after, options);
}

/** Every verb of the shipped dictionary, multi-word ones with their particles: "accuse", "call off", "is determined". */
export function verbLemmas(): ReadonlySet<string> {
  return shippedVerbDictionary().lemmas;
}
