import { AppError } from '../../core/errors';

export interface LimiterOptions {
  /** Searches running at once. */
  concurrency: number;
  /** Searches allowed to wait for a slot; beyond that the answer is 503 at once. */
  queue: number;
  /** Time budget of one search, waiting included. */
  budgetMs: number;
  /**
   * Searches one client (an account, or an address when anonymous) may have running or waiting
   * at once; beyond that its next one is turned away while others still get in. Default: a
   * quarter of all places (running + waiting), at least one.
   */
  perClient?: number;
}

/** 503 with Retry-After: the client should come back shortly rather than pile on. */
export function busy(): AppError {
  return new AppError('server.busy', undefined, { 'retry-after': '1' });
}

/**
 * Admission control for searches: at most `concurrency` run, at most `queue` wait, and a
 * waiting search that cannot start within its budget is turned away. Under overload the
 * server answers some requests quickly with 503 instead of all of them slowly.
 */
export class SearchLimiter {
  private active = 0;
  private readonly waiting: { start: () => void }[] = [];
  private readonly held = new Map<string, number>();
  private readonly perClient: number;

  constructor(readonly options: LimiterOptions) {
    this.perClient =
      options.perClient ?? Math.max(1, Math.floor((options.concurrency + options.queue) / 4));
  }

  get load() {
    return { active: this.active, waiting: this.waiting.length };
  }

  /** Runs `fn` in a slot; `client` names who asks, so that one client cannot take every place. */
  async run<T>(fn: (deadline: number) => Promise<T>, client?: string): Promise<T> {
    if (client === undefined) return this.admit(fn);
    const holding = this.held.get(client) ?? 0;
    if (holding >= this.perClient) throw busy();
    this.held.set(client, holding + 1);
    try {
      return await this.admit(fn);
    } finally {
      const left = (this.held.get(client) ?? 1) - 1;
      if (left > 0) this.held.set(client, left);
      else this.held.delete(client);
    }
  }

  private async admit<T>(fn: (deadline: number) => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.options.budgetMs;
    if (this.active >= this.options.concurrency) {
      if (this.waiting.length >= this.options.queue) throw busy();
      await new Promise<void>((resolve, reject) => {
        const entry = {
          start: () => {
            clearTimeout(timer);
            resolve();
          },
        };
        const timer = setTimeout(() => {
          const at = this.waiting.indexOf(entry);
          if (at >= 0) this.waiting.splice(at, 1);
          reject(busy());
        }, this.options.budgetMs);
        this.waiting.push(entry);
      });
    } else {
      this.active += 1;
    }
    try {
      await yieldToEventLoop();
      return await fn(deadline);
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next waiter (active stays the same).
      if (next) next.start();
      else this.active -= 1;
    }
  }
}

/**
 * Lets the event loop take in other requests. better-sqlite3 answers synchronously, so without
 * this a search runs start to finish in one turn of the loop: requests arriving meanwhile sit
 * unread in the socket and never reach the limiter, which then cannot turn anyone away.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Throws 503 when a search has used up its budget (checked between its steps). */
export function checkDeadline(deadline: number): void {
  if (Date.now() > deadline) throw busy();
}
