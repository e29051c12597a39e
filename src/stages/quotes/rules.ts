/**
 * The rules of the quotes stage. Every quote cites the ids that produced it (`quote.rules`): one rule for how the
 * content was found, one for how the cue was found (if any), one for how the speaker was resolved.
 * Each example must yield a quote citing its rule, with or without the entities stage's entities (the speaker
 * fallbacks fire when entities are missing), or for `skip` rules no quote at all (test/stages/quotes/rules.test.ts).
 */

export interface QuoteRule {
  id: string;
  /** What the rule recognises, in a line. */
  description: string;
  example: string;
  /** `skip`: the rule rejects text that looks like a quote; no record cites it. */
  kind: 'content' | 'cue' | 'speaker' | 'skip';
}

export const QUOTE_RULES = [
  // Content
  { id: 'quotes.direct.marks', kind: 'content', description: 'Text between quotation marks (“…”, "…", «…») that is a full quoted sentence', example: '“The talks proceeded positively,” Crocker said.' },
  { id: 'quotes.direct.run-on', kind: 'content', description: 'A quote left open at the end of a paragraph, continued by the next paragraph that opens with a mark', example: '“We will wait and see.\n\n“The talks proceeded positively,” Crocker said.' },
  { id: 'quotes.direct.split', kind: 'content', description: 'The second part of a quote split by its cue; it takes the speaker of the first part', example: '“Some problems have been raised,” he said. “This was a positive step.”' },
  { id: 'quotes.fragment', kind: 'content', description: 'A quoted phrase inside a sentence, attributed through the cue verb that governs it', example: 'The Iranians appeared keen, with Kazemi-Qomi calling the meeting “a first step in negotiations between these two sides”.' },
  { id: 'quotes.indirect.cue-before', kind: 'content', description: '<speaker> <cue> (that) <clause>: the reported clause after the cue', example: 'Maliki said Iraq would not be a launchpad for any attacks on neighboring states.' },
  { id: 'quotes.indirect.cue-after', kind: 'content', description: '<clause>, <speaker> <cue>: the clause before the closing attribution', example: 'It would also not brook any regional interference in its affairs, he added.' },
  { id: 'quotes.indirect.parenthetical', kind: 'content', description: '<clause part>, <speaker> <cue>, <rest>: the whole sentence, the attribution inside it', example: 'The ceasefire, the minister said, is holding in most areas.' },
  { id: 'quotes.indirect.participle', kind: 'content', description: '…, saying (that) <clause>: the clause reported by a participle cue', example: 'Kazemi-Qomi praised the meeting, saying Tehran would seriously consider an invitation for further discussions.' },
  { id: 'quotes.indirect.according-to', kind: 'content', description: '<clause>, according to <speaker> / According to <speaker>, <clause>', example: 'Five people were killed in the blast, according to police.' },
  // Cue
  { id: 'quotes.cue.after', kind: 'cue', description: 'Attribution right after the closing mark: “…,” Crocker said / said Crocker / he added', example: '“We wanted to say it is dangerous for Iraq,” Crocker said.' },
  { id: 'quotes.cue.before', kind: 'cue', description: 'Attribution right before the opening mark: Crocker said: “…” / He told reporters, “…”', example: 'Crocker told reporters: “The talks proceeded positively.”' },
  { id: 'quotes.cue.previous-paragraph', kind: 'cue', description: 'A paragraph ending in "<speaker> <cue>:" introduces the quote that opens the next one', example: 'Crocker told reporters:\n\n“The talks proceeded positively.”' },
  { id: 'quotes.cue.dash', kind: 'cue', description: 'No verb: a dash and a name after the closing mark (“…” ― Name, \'\'…\'\' -- Name)', example: '“The river rose faster than anyone expected. We lost everything.” ― Maria Lopez' },
  { id: 'quotes.cue.governing-verb', kind: 'cue', description: 'The nearest cue verb before a fragment in its sentence: calling the meeting “…”, saying it was “…”', example: 'They criticized the training, saying it was “inadequate to the challenges faced”.' },
  // Speaker
  { id: 'quotes.speaker.entity-mention', kind: 'speaker', description: 'The speaker phrase is (or contains) a mention of an entity from the entities stage', example: 'Ryan Crocker said Iran must stop arming the militias.' },
  { id: 'quotes.speaker.recent-person', kind: 'speaker', description: '"he"/"she" without an entity link: the most recent person mentioned before it, outside quotes', example: 'Crocker said the talks had gone well. He said Iran must stop arming the militias.' },
  { id: 'quotes.speaker.recent-group', kind: 'speaker', description: '"they" without an entity link: the most recent plural group or country ("the Iranians")', example: 'The Iranians rejected the charge. They said the militias were not armed by Iran.' },
  { id: 'quotes.speaker.surname', kind: 'speaker', description: 'A lone surname: the person whose name ends with it', example: 'Ryan Crocker said the talks had gone well. Crocker said Iran must stop arming the militias.' },
  { id: 'quotes.speaker.as-written', kind: 'speaker', description: 'No entity fits: the words as written ("officials", "the ministry")', example: 'Officials said the talks would resume in June.' },
  { id: 'quotes.speaker.carried-over', kind: 'speaker', description: 'A quote with no cue (often a paragraph of its own) keeps the speaker of the previous quote', example: '“The purpose was not to build a legal case,” Crocker said.\n\n“The talks proceeded positively.”' },
  { id: 'quotes.speaker.run-on', kind: 'speaker', description: 'All parts of a quote that runs across paragraphs share the speaker found on any part', example: '“We will wait and see.\n\n“The talks proceeded positively,” Crocker said.' },
  // Rejected look-alikes
  { id: 'quotes.skip.scare-quote', kind: 'skip', description: 'One or two quoted words, or a short verbless phrase inside a sentence, are scare quotes', example: 'They criticized the “occupying” U.S. military and the so-called “reform”.' },
  { id: 'quotes.skip.title', kind: 'skip', description: 'A short quoted phrase in Title Case inside a sentence names a work, not speech', example: 'He played Springsteen’s “American Skin (41 Shots)” at the rally.' },
  { id: 'quotes.skip.no-content', kind: 'skip', description: 'A cue verb with no reported clause is no quote', example: 'He said nothing.' },
] as const satisfies readonly QuoteRule[];

export type QuoteRuleId = (typeof QUOTE_RULES)[number]['id'];
