/**
 * Debounce helper for change events: collects dirty ranges and hands them over in one call once
 * no new change has arrived for `waitMs`. Pure (uses only setTimeout), so it runs in the pane,
 * the workbench and jest. The caller decides what "dirty" means (usually: which mapped table
 * intersects the address) and re-reads only that.
 */
import type { DirtyRange } from "./port";

export interface DirtyCollector {
  push(ranges: readonly DirtyRange[]): void;
  /** Delivers what is pending now (e.g. before a manual re-check). */
  flush(): void;
  dispose(): void;
  readonly pending: number;
}

export function createDirtyCollector(onFlush: (ranges: DirtyRange[]) => void, waitMs = 300): DirtyCollector {
  let queue: DirtyRange[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = (): void => {
    timer = null;
    if (queue.length === 0) return;
    const seen = new Set<string>();
    const out: DirtyRange[] = [];
    for (const r of queue) {
      const k = `${r.sheet}\u0000${r.address}\u0000${r.changeType}`;
      if (!seen.has(k)) {
        seen.add(k);
        out.push(r);
      }
    }
    queue = [];
    onFlush(out);
  };
  return {
    push(ranges) {
      if (ranges.length === 0) return;
      queue.push(...ranges);
      if (timer) clearTimeout(timer);
      timer = setTimeout(fire, waitMs);
    },
    flush() {
      if (timer) clearTimeout(timer);
      fire();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      timer = null;
      queue = [];
    },
    get pending() {
      return queue.length;
    },
  };
}
