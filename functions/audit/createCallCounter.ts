/** Counts calls (e.g. IAM requests, from SDK middleware) between two reads. */
export type CallCounter = { count(): void; take(): number };

/** Creates a counter whose `take` returns the calls counted since the previous `take`. */
export function createCallCounter(): CallCounter {
  let calls = 0;
  return {
    count() {
      calls += 1;
    },
    take() {
      const taken = calls;
      calls = 0;
      return taken;
    },
  };
}
