/** BIO labels over the four entity types, and the spans they spell. */

export const ENTITY_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Label k: 0 = O, 1 + 2t = B-type t, 2 + 2t = I-type t (t indexes ENTITY_TYPES). */
export const LABELS = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'] as const;
export const LABEL_COUNT = LABELS.length;
export const OUTSIDE = 0;

export function beginLabel(type: EntityType): number {
  return 1 + 2 * ENTITY_TYPES.indexOf(type);
}

export function isInside(label: number): boolean {
  return label > 0 && label % 2 === 0;
}

/** I-X may only follow B-X or I-X. */
export function allowedAfter(previous: number, label: number): boolean {
  if (!isInside(label)) return true;
  return previous === label || previous === label - 1;
}

export function typeOf(label: number): EntityType {
  return ENTITY_TYPES[(label - 1) >> 1]!;
}

export interface LabelSpan {
  firstToken: number;
  endToken: number;
  type: EntityType;
}

/** Spans of a BIO sequence; an I-X that does not continue an X starts a new span. */
export function labelsToSpans(labels: ArrayLike<number>): LabelSpan[] {
  const spans: LabelSpan[] = [];
  let open: LabelSpan | null = null;
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i]!;
    if (open && isInside(label) && typeOf(label) === open.type) {
      open.endToken = i + 1;
      continue;
    }
    open = label === OUTSIDE ? null : { firstToken: i, endToken: i + 1, type: typeOf(label) };
    if (open) spans.push(open);
  }
  return spans;
}
