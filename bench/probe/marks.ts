/**
 * What the page probe (probe.ts, run in the page) and the bench (page-probe.ts, in Node) share:
 * its options and the state it leaves at `window.__bench`. Types only, so both sides compile it.
 */

/** What the bench passes to the probe. */
export interface ProbeOptions {
  /** How long a count that never carries `data-complete` is watched before its first results count as complete. */
  graceMs: number;
}

/** What the probe records for one query shown; times in epoch milliseconds (`performance.timeOrigin` based). */
export interface Mark {
  /** When the first results (or the empty or error message) were in the DOM. */
  firstSeen?: number;
  /** The animation frame after that: when they were painted. */
  first?: number;
  completeSeen?: number;
  complete?: number;
  /**
   * When the page, its first results shown, waits for the reader (the results box's
   * `data-state="idle"`): everything it fetches unasked is in. A page without `data-state` (before
   * issue 24) is idle once complete.
   */
  idleSeen?: number;
  idle?: number;
  /** The count when idle, and whether it said 约 (the presence map's number, not yet exact). */
  idleCount?: number;
  idleApprox?: boolean;
  shown?: "results" | "empty" | "error";
  /** The count the first results showed. */
  firstCount?: number;
  /** The count when complete. */
  count?: number;
  firstText?: string;
  text?: string;
  /** The count carried `data-complete` at some point. */
  completeAttr?: boolean;
  /** Waiting for the grace period before taking the first results as complete. */
  waiting?: boolean;
  /** Complete was inferred after the grace period (the count never carried `data-complete`). */
  inferred?: boolean;
}

/** One main-thread task over 50 ms (PerformanceObserver `longtask`). */
export interface LongTask {
  start: number;
  duration: number;
}

/** The probe's state, `window.__bench`. */
export interface ProbeState {
  /** The document's `performance.timeOrigin`: a new one means the page navigated. */
  origin: number;
  longTasks: LongTask[];
  /** By query: the results box's `data-query`, else the address's `q`. */
  marks: Record<string, Mark>;
  /** When Enter was last pressed, kept across a navigation. */
  enterAt?: number;
  /** Why long tasks could not be observed, if they could not. */
  noLongTasks?: string;
}
