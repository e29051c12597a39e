/**
 * Reading the article's mention chains. The entities stage writes the chains (names, surnames, speech pronouns,
 * "the Iranians"), the actors stage adds the nominal actors ("officials", "U.S. and Iranian officials"); quotes,
 * actors and events find what a pronoun or a role noun stands for here, in one way.
 */
import type { ActorMention } from '../model/analysis.ts';
import type { Doc, EntityMentionRef } from './doc.ts';

/** How far back "he" / "she" may look for a person, in paragraphs. */
export const PERSON_LOOKBACK_PARAGRAPHS = 3;
/** How far back "they" may look for a group, in sentences. */
export const GROUP_LOOKBACK_SENTENCES = 3;

/** The most recent mention of a person ending before `offset`, within PERSON_LOOKBACK_PARAGRAPHS, that `accept` takes. */
export function personBefore(doc: Doc, offset: number, accept: (ref: EntityMentionRef) => boolean = () => true): EntityMentionRef | null {
  const paragraph = doc.paragraphOf(offset);
  const mentions = doc.entityMentions();
  for (let k = mentions.length - 1; k >= 0; k--) {
    const ref = mentions[k]!;
    if (ref.mention.end > offset || ref.entity.type !== 'PERSON') continue;
    if (paragraph - doc.paragraphOf(ref.mention.start) > PERSON_LOOKBACK_PARAGRAPHS) return null;
    if (accept(ref)) return ref;
  }
  return null;
}

/**
 * What "they" at `offset` stands for: the most recent group actor before it — a plural ("The Iranians",
 * "officials", "militias") or a compound ("U.S. and Iranian officials") — within GROUP_LOOKBACK_SENTENCES and in
 * the same paragraph, or in the sentence right before.
 */
export function groupBefore(doc: Doc, offset: number): ActorMention | null {
  const token = doc.tokens[doc.tokenCovering(offset)];
  if (!token) return null;
  let best: ActorMention | null = null;
  for (const m of doc.actors) {
    if (m.end > offset) break;
    const plural = /\p{Ll}s$/u.test(m.name) || m.members !== undefined;
    const near = m.sentence >= token.sentence - GROUP_LOOKBACK_SENTENCES && (m.sentence >= token.sentence - 1 || doc.sentences[m.sentence]?.paragraph === doc.sentences[token.sentence]?.paragraph);
    if (plural && near) best = m;
  }
  return best;
}

/**
 * Who "the chancellor" is: the most recent person before `offset` whose title is `role` ("German Chancellor Angela
 * Merkel … The chancellor met"), anywhere earlier in the article.
 */
export function personWithRoleBefore(doc: Doc, offset: number, role: string): EntityMentionRef | null {
  const mentions = doc.entityMentions();
  for (let k = mentions.length - 1; k >= 0; k--) {
    const ref = mentions[k]!;
    if (ref.mention.end <= offset && ref.entity.type === 'PERSON' && ref.entity.role === role) return ref;
  }
  return null;
}
