/** Milliseconds since the epoch on the clock every thread shares (`performance.timeOrigin + performance.now()`). */
function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Times the named stages of a build on one clock. A stage that runs beside the others (a worker
 * thread) ends when its promise says it finished (`finishedAt`, on the same clock), not when the
 * busy main thread gets round to noticing.
 */
export class StageTimer {
  readonly timings: Record<string, number> = {};

  /** Runs a stage on this thread and records how long it took. */
  time<T>(stage: string, run: () => T): T {
    const start = epochNow();
    try {
      return run();
    } finally {
      this.timings[stage] = epochNow() - start;
    }
  }

  /** Awaits a stage on this thread and records how long it took. */
  async timeAsync<T>(stage: string, run: () => Promise<T>): Promise<T> {
    const start = epochNow();
    try {
      return await run();
    } finally {
      this.timings[stage] = epochNow() - start;
    }
  }

  /** Starts a stage that runs beside the others and records it from now until it reports `finishedAt`. */
  track<T extends { finishedAt: number }>(stage: string, start: () => Promise<T>): Promise<T> {
    const started = epochNow();
    return start().then((result) => {
      this.timings[stage] = result.finishedAt - started;
      return result;
    });
  }
}
