/** Facts about the actors around a trigger: the article's two main parties, same actor, same country. */
import type { ActorRef, Entity } from '../../model/record.ts';

/** The two countries an article is mostly about: the GPE country entities with the most mentions. */
export function articleParties(entities: readonly Entity[]): [Entity, Entity] | null {
  const countries = entities.filter((e) => e.type === 'GPE' && e.actor && e.country && e.actor.length === 3).sort((a, b) => b.mentions.length - a.mentions.length);
  return countries.length >= 2 ? [countries[0]!, countries[1]!] : null;
}

/** The same actor: the same entity, or the same code where one side has no entity ("Biden attacked Trump": two USAGOV people are two actors). */
export function sameActor(a: ActorRef, b: ActorRef): boolean {
  if (a.entity !== undefined && b.entity !== undefined) return a.entity === b.entity;
  return a.actor === b.actor && !a.members && !b.members;
}

export function samePrefix(iso3: string, actor: string): boolean {
  return actor.startsWith(iso3);
}
