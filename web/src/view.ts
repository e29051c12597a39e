/** What the router asks of a view: build once, then follow the URL as its params change. */
import type { Route } from './route.ts';

export interface View {
  /** The page title for this route. */
  title(route: Route): string;
  /** Called on mount and on every URL change while this view is shown. */
  update(route: Route): void;
  destroy?(): void;
}

export type ViewFactory = (root: HTMLElement, route: Route) => View;

/** One request at a time per view: starting a new load aborts the previous one. */
export function latest(): () => AbortSignal {
  let controller: AbortController | null = null;
  return () => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };
}
