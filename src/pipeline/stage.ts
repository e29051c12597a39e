/**
 * A pipeline stage: it reads the Doc layers it `requires` and adds the ones it `assigns` (spaCy's components,
 * unified's plugins). `checkStages` refuses an order in which a stage reads a layer no earlier stage assigns.
 */
import type { Doc } from '../doc/doc.ts';
import type { World } from './world.ts';

export type Layer = 'clean' | 'topic' | 'tokens' | 'tree' | 'entities' | 'places' | 'actors' | 'dates' | 'casualties' | 'events' | 'quotes';

export interface Stage {
  readonly name: string;
  readonly requires: readonly Layer[];
  readonly assigns: readonly Layer[];
  run(doc: Doc, world: World): void;
}

export function checkStages(stages: readonly Stage[]): void {
  const assigned = new Set<Layer>();
  for (const stage of stages) {
    const missing = stage.requires.filter((layer) => !assigned.has(layer));
    if (missing.length > 0) throw new Error(`pipeline order: stage "${stage.name}" requires ${missing.join(', ')}, which no earlier stage assigns`);
    for (const layer of stage.assigns) assigned.add(layer);
  }
}
