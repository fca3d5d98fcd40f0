/**
 * Load generator run in a worker thread (so it does not share the server's event loop):
 * `connections` loops, each sending the next path of the mix as soon as the previous answer
 * arrived (or after Retry-After, if it honours it), for `seconds`. Reports latencies per HTTP
 * status and whether the 503s carried Retry-After.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { base, cookie, paths, connections, seconds, honourRetryAfter } = workerData as {
  base: string;
  cookie: string;
  paths: string[];
  connections: number;
  seconds: number;
  /** A well-behaved client waits as long as Retry-After says before its next request. */
  honourRetryAfter: boolean;
};

const byStatus = new Map<number, number[]>();
let retryAfter = 0;
let failures = 0;
let cursor = 0;
const end = Date.now() + seconds * 1000;

async function loop() {
  while (Date.now() < end) {
    const path = paths[cursor++ % paths.length]!;
    const t = performance.now();
    try {
      const res = await fetch(base + path, { headers: { cookie } });
      await res.arrayBuffer();
      const ms = performance.now() - t;
      const list = byStatus.get(res.status) ?? [];
      list.push(ms);
      byStatus.set(res.status, list);
      const wait = res.status === 503 ? Number(res.headers.get('retry-after')) : Number.NaN;
      if (Number.isFinite(wait)) {
        retryAfter += 1;
        if (honourRetryAfter) await new Promise((r) => setTimeout(r, wait * 1000));
      }
    } catch {
      failures += 1;
    }
  }
}

await Promise.all(Array.from({ length: connections }, loop));
parentPort!.postMessage({
  byStatus: Object.fromEntries([...byStatus].map(([s, l]) => [s, l.sort((a, b) => a - b)])),
  retryAfter,
  failures,
  seconds,
});
