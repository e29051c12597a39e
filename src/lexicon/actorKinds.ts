/**
 * What an actor code names, for people reading aggregates: its kind (state, IGO, NGO, group) and a label built from
 * the country's name and the role ("United States government"). Table: data/lexicon/actor-kinds.tsv. Country names
 * come from world-countries alone (not the gazetteer), so an API process answers without loading the pipeline.
 */
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Country as WorldCountry } from 'world-countries';
import { dataPath, readTsv } from './tables.ts';

export const ACTOR_KINDS = ['state', 'igo', 'ngo', 'group', 'unknown'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

interface Tables {
  parts: Map<string, { kind: ActorKind; label: string }>;
  countries: Map<string, string>;
}

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const parts = new Map<string, { kind: ActorKind; label: string }>();
  for (const [code, kind, label] of readTsv(dataPath('lexicon', 'actor-kinds.tsv'), 3)) {
    if (!(ACTOR_KINDS as readonly string[]).includes(kind!)) throw new Error(`dateline: data/lexicon/actor-kinds.tsv: unknown kind "${kind}" for ${code}`);
    parts.set(code!, { kind: kind as ActorKind, label: label! });
  }
  const require = createRequire(import.meta.url);
  const world = JSON.parse(readFileSync(require.resolve('world-countries/countries.json'), 'utf8')) as WorldCountry[];
  const countries = new Map(world.map((c) => [c.cca3, c.name.common]));
  tables = { parts, countries };
  return tables;
}

export interface ActorInfo {
  kind: ActorKind;
  /** "United States government", "Iran", "intergovernmental organisation"; null for an unknown actor. */
  label: string | null;
}

/** USA → state "United States"; USAGOV → state "United States government"; IGOUNO → igo; USAREB → group "United States rebels"; --- → unknown. */
export function actorInfo(code: string): ActorInfo {
  const { parts, countries } = load();
  const root = code.slice(0, 3);
  const country = countries.get(root) ?? null;
  const international = parts.get(root);
  if (!country && international) return { kind: international.kind, label: international.label };
  const roles = (code.slice(3).match(/.{3}/g) ?? []).map((r) => parts.get(r)).filter((r) => r !== undefined);
  const role = roles.find((r) => r.kind !== 'state') ?? roles[0];
  if (root === '---') return role ? { kind: role.kind, label: `${role.label} (country unknown)` } : { kind: 'unknown', label: null };
  if (!country) return { kind: role?.kind ?? 'group', label: role?.label ?? null };
  return { kind: role?.kind ?? 'state', label: role ? `${country} ${role.label}` : country };
}
