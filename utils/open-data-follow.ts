// Follows one KVK open-data request from a page of ours (the popup, the card): starts it, then asks the background how
// far it is every second until both sets are in, handing each answer on. Asking sends nothing to KVK (the background
// paces the requests and answers from what it has), and the messages keep a waiting service worker awake.
// Zod-free: the card's chunk uses it.
import { sendMessage } from './messaging/send';
import type { OpenDataProgress } from './registry/responses';

/** What a view of the request shows: the progress, or `failed` when the background stopped answering. */
export type OpenDataView = OpenDataProgress | 'failed';

/** How the request is asked for (injected in unit tests). */
export type AskOpenData = (kvkNumber: string, mode: 'start' | 'poll') => Promise<OpenDataProgress>;

const ask: AskOpenData = (kvkNumber, mode) => sendMessage({ type: 'open-data', kvkNumber, mode });

/** How often the background is asked while a set is still to come. */
export const OPEN_DATA_POLL_MS = 1_000;
/** Unanswered asks in a row before the view says the background does not answer. */
const MAX_MISSES = 3;

/**
 * Starts (or joins) the open-data request of `kvkNumber` and follows it until it is done; returns the function that
 * stops following (the request itself goes on in the background, and its answers are cached).
 */
export function followOpenData(
  kvkNumber: string,
  onProgress: (view: OpenDataView) => void,
  send: AskOpenData = ask,
  pollMs = OPEN_DATA_POLL_MS,
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let misses = 0;
  const step = async (mode: 'start' | 'poll') => {
    try {
      const progress = await send(kvkNumber, mode);
      if (stopped) return;
      misses = 0;
      onProgress(progress);
      if (progress.done) return;
    } catch {
      if (stopped) return;
      if (++misses >= MAX_MISSES) return onProgress('failed');
    }
    timer = setTimeout(() => void step(misses ? mode : 'poll'), pollMs);
  };
  void step('start');
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
