/** Failures grouped by reason for the closing summary: "12 × record … has no "text" or "html" field (first: a.jsonl:4)". */

export interface FailureGroup {
  reason: string;
  count: number;
  /** Where the first one was met ("file", "file:line", "feed.xml#3"). */
  first: string;
}

export class FailureTally {
  private readonly groups = new Map<string, FailureGroup>();
  count = 0;

  add(where: string, message: string): void {
    this.count++;
    // Quoted ids and numbers differ from one failure to the next; the reason is the rest.
    const reason = message.replace(/"[^"]*"/g, '"…"').replace(/\d+(\.\d+)?/g, 'N');
    const group = this.groups.get(reason);
    if (group) group.count++;
    else this.groups.set(reason, { reason: message, count: 1, first: where });
  }

  list(): FailureGroup[] {
    return [...this.groups.values()].sort((a, b) => b.count - a.count);
  }
}
