/** Shapes of the API's list answers (src/api/), as the views read them. */

export interface Page<T> {
  items: T[];
  /** Cursor for the next page; null on the last one. */
  next: string | null;
  total?: number;
}

export interface ArticleHit {
  id: string | number;
  title: string | null;
  source: string | null;
  published: string | null;
  url: string | null;
  snippet: string | null;
  counts: { events: number; quotes: number; casualties: number };
}

export interface EventRow {
  id: string | number;
  day: string | null;
  code: string;
  name: string;
  root: string;
  quadClass: number;
  goldstein: number;
  source: { actor: string; name: string | null };
  target: { actor: string; name: string | null };
  place: { name: string; lat: number | null; lon: number | null; country: string | null } | null;
  negated: boolean;
  claimed: boolean;
  historical: boolean;
  numMentions: number;
  numArticles: number;
  numSources: number;
  firstArticleId: string | number;
}

export interface ActorCount {
  actor: string;
  name: string | null;
  count: number;
}

export interface QuoteHit {
  id: string | number;
  articleId: string | number;
  localId: string;
  text: string;
  direct: boolean;
  speaker: { name: string; actor: string | null };
  article: { title: string | null; published: string | null; source: string | null };
}

export interface CasualtyRow {
  id: string | number;
  articleId: string | number;
  localId: string;
  day: string | null;
  killed: number | null;
  wounded: number | null;
  incident: string | null;
  place: { name: string; lat: number | null; lon: number | null; country: string | null } | null;
}

export interface TimelineBucket {
  period: string;
  from: string;
  to: string;
  /** Counts per QuadClass (1..4) and the Goldstein sum, for a→b and for b→a. */
  ab: { quad: [number, number, number, number]; goldstein: number };
  ba: { quad: [number, number, number, number]; goldstein: number };
}

export interface DyadCount {
  source: string;
  target: string;
  count: number;
  goldsteinMean: number;
}
