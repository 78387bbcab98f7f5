/**
 * Polite concurrency: at most `concurrency` requests in flight overall, one at a
 * time per host, and at least `hostSpacingMs` between the end of one request to a
 * host and the start of the next (so the host itself never sees two closer than that).
 */
export interface PoliteQueue {
  run<T>(url: string, task: () => Promise<T>): Promise<T>;
}

export function createPoliteQueue(options: { concurrency: number; hostSpacingMs: number }): PoliteQueue {
  const hostChains = new Map<string, Promise<unknown>>();
  const lastEnd = new Map<string, number>();
  const waiting: Array<() => void> = [];
  let active = 0;

  const acquire = () =>
    new Promise<void>((resolve) => {
      if (active < options.concurrency) {
        active++;
        resolve();
      } else {
        waiting.push(resolve);
      }
    });
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active--;
  };

  return {
    run<T>(url: string, task: () => Promise<T>): Promise<T> {
      const host = hostOf(url);
      const previous = hostChains.get(host) ?? Promise.resolve();
      const turn = previous.then(async () => {
        const wait = (lastEnd.get(host) ?? Number.NEGATIVE_INFINITY) + options.hostSpacingMs - Date.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await acquire();
        try {
          return await task();
        } finally {
          lastEnd.set(host, Date.now());
          release();
        }
      });
      const settled = turn.catch(() => {});
      hostChains.set(host, settled);
      void settled.then(() => {
        if (hostChains.get(host) === settled) hostChains.delete(host);
      });
      return turn;
    },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}
