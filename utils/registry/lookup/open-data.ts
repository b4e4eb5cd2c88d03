// KVK's open data for one KVK number, on the user's request only: the basic company data first, then (for a company in
// the open data) its filed annual accounts, each through the fetcher (cache, merge, the per-host minute queue). The
// request is followed here, so the popup and the card can ask how far it is — and when each set is expected to be
// sent — as often as they like without sending anything again.
import { FiledAccountsSchema, OpenDataCompanySchema, type FiledAccounts, type Part } from '../domain';
import { failure, success, type Outcome } from '../errors';
import type { Fetcher } from '../fetcher';
import type { OpenDataClient } from '../opendata/client';
import { accountsToFiled, basisToOpenData } from '../opendata/map';
import type { OpenDataProgress, OpenDataStep } from '../responses';

/** How long a finished request is remembered for `poll` (a new `start` begins again, from the cache). */
const KEEP_FINISHED_MS = 5 * 60_000;
/** How long `request` waits for a new request's first news (answers from the cache, or a place in the queue). */
const FIRST_NEWS_MS = 2_000;

/** The wait a result asks of the open data's queue: a 429's Retry-After, at least a minute when KVK gave none. */
export function openDataWait(result: unknown): number | undefined {
  const outcome = result as Outcome<unknown> | undefined;
  if (!outcome || outcome.ok !== false || outcome.error.code !== 'rate-limited') return undefined;
  return outcome.error.retryAfterMs ?? 60_000;
}

interface Followed {
  progress: OpenDataProgress;
  finishedAt?: number;
  /** Resolves once a set waits or is on its way, or all is done (the first answer waits for it). */
  firstNews: Promise<void>;
}

/** Follows open-data requests, one per KVK number, for `open-data` messages. */
export class OpenDataRequests {
  private readonly followed = new Map<string, Followed>();

  constructor(
    private readonly fetcher: Fetcher,
    private readonly client: OpenDataClient,
    private readonly now: () => number,
  ) {}

  /**
   * `start`: begins fetching both sets (or joins the request under way) and answers its progress; `poll`: answers the
   * progress of the request under way or just finished, and begins one only when this worker knows of none (it was
   * stopped and started again while the popup or card waited).
   */
  async request(kvkNumber: string, mode: 'start' | 'poll'): Promise<OpenDataProgress> {
    this.forgetOld();
    let followed = this.followed.get(kvkNumber);
    const fresh = !followed || (mode === 'start' && followed.progress.done);
    if (fresh) followed = this.begin(kvkNumber);
    if (fresh) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([followed!.firstNews, new Promise((r) => (timer = setTimeout(r, FIRST_NEWS_MS)))]);
      clearTimeout(timer);
    }
    return structuredClone(followed!.progress);
  }

  private forgetOld(): void {
    const now = this.now();
    for (const [key, f] of this.followed)
      if (f.finishedAt !== undefined && now - f.finishedAt > KEEP_FINISHED_MS) this.followed.delete(key);
  }

  private begin(kvkNumber: string): Followed {
    const progress: OpenDataProgress = {
      kvkNumber,
      basis: { state: 'waiting' },
      accounts: { state: 'waiting' },
      done: false,
    };
    let news!: () => void;
    const followed: Followed = { progress, firstNews: new Promise<void>((r) => (news = r)) };
    this.followed.set(kvkNumber, followed);
    // News worth the first answer: a set waits for its turn or is on its way (no more cache answers to come), or all
    // is done.
    const step =
      <K extends 'basis' | 'accounts'>(key: K) =>
      (value: OpenDataProgress[K]) => {
        progress[key] = value;
        if (value.state === 'queued' || value.state === 'sending') news();
      };
    void (async () => {
      const basis = await this.basis(kvkNumber, step('basis'));
      progress.basis = { state: 'done', part: basis };
      if (basis.ok) {
        const accounts = await this.accounts(kvkNumber, step('accounts'));
        progress.accounts = { state: 'done', part: accounts };
      } else progress.accounts = { state: 'skipped' };
      progress.done = true;
      followed.finishedAt = this.now();
      news();
    })();
    return followed;
  }

  /** The hooks that keep a step's progress: its expected send time while queued, then "sending". */
  private static pace<T>(set: (step: OpenDataStep<T>) => void) {
    return {
      onScheduled: (sendAt: number) => set({ state: 'queued', sendAt }),
      onStart: () => set({ state: 'sending' }),
    };
  }

  private basis(kvkNumber: string, set: (step: OpenDataProgress['basis']) => void) {
    return this.fetcher.get({
      service: 'kvk-open',
      key: `kvk-open:basis:${kvkNumber}`,
      schema: OpenDataCompanySchema,
      kind: 'open-data',
      // The queue waits out a 429 itself; any other retry would cost another minute.
      retry: () => null,
      pace: OpenDataRequests.pace(set),
      run: async () => {
        const o = await this.client.basis(kvkNumber);
        return o.ok ? success(basisToOpenData(o.value, kvkNumber)) : o;
      },
    });
  }

  private accounts(kvkNumber: string, set: (step: OpenDataProgress['accounts']) => void): Promise<Part<FiledAccounts>> {
    return this.fetcher.get({
      service: 'kvk-open',
      key: `kvk-open:accounts:${kvkNumber}`,
      schema: FiledAccountsSchema,
      kind: 'open-data',
      retry: () => null,
      pace: OpenDataRequests.pace(set),
      run: async () => {
        const o = await this.client.accounts(kvkNumber);
        // No annual accounts in the open data (IPD0001: a large company, or none filed as XBRL) is an answer.
        if (!o.ok) return o.error.code === 'not-found' ? success({ years: [] }) : o;
        const filed = accountsToFiled(o.value);
        return filed ? success(filed) : failure({ code: 'malformed-answer', service: 'kvk-open', status: 200 });
      },
    });
  }
}
