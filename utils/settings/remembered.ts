// A setting read from storage once, then from memory until storage reports a change: the background reads the
// credentials before every lookup and again before every request (the address guard), each read a storage round trip.
// Pure: the read and the change notification are injected, so unit tests run in Node.

/**
 * Wraps `read` so that it runs once and its answer is reused until `watch`'s callback says the stored value changed
 * (or the read failed: the next call reads again). A read that was under way when a change was reported answers its
 * own callers only; the next call reads again.
 */
export function rememberSetting<T>(read: () => Promise<T>, watch: (changed: () => void) => void): () => Promise<T> {
  let remembered: Promise<T> | undefined;
  watch(() => {
    remembered = undefined;
  });
  return () => {
    if (!remembered) {
      const reading = read();
      remembered = reading;
      reading.catch(() => {
        if (remembered === reading) remembered = undefined;
      });
    }
    return remembered;
  };
}
