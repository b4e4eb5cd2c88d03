import { describe, expect, it } from 'vitest';
import { rememberSetting } from '../../utils/settings/remembered';

/** A stored setting with a read counter and a change notification, like storage.local and its onChanged. */
function storedSetting(initial: string) {
  let value = initial;
  let notify: (() => void) | undefined;
  const reads = { count: 0, fail: false };
  return {
    reads,
    read: async () => {
      reads.count++;
      if (reads.fail) throw new Error('storage unavailable');
      return value;
    },
    watch: (changed: () => void) => {
      notify = changed;
    },
    /** The options page saves: the value changes, then storage reports it. */
    save(next: string) {
      value = next;
      notify?.();
    },
    /** The value changes but the report has not arrived yet. */
    saveSilently(next: string) {
      value = next;
    },
  };
}

describe('rememberSetting', () => {
  it('reads storage once for any number of reads until a change is reported, then reads again', async () => {
    const stored = storedSetting('key-1');
    const get = rememberSetting(stored.read, stored.watch);
    expect(await Promise.all([get(), get()])).toEqual(['key-1', 'key-1']);
    expect(await get()).toBe('key-1');
    expect(stored.reads.count).toBe(1);
    stored.save('key-2');
    expect(await get()).toBe('key-2');
    expect(await get()).toBe('key-2');
    expect(stored.reads.count).toBe(2);
  });

  it('answers from memory until the change is reported (the report is what makes it read again)', async () => {
    const stored = storedSetting('a');
    const get = rememberSetting(stored.read, stored.watch);
    await get();
    stored.saveSilently('b');
    expect(await get()).toBe('a');
    stored.save('b');
    expect(await get()).toBe('b');
  });

  it('does not keep a failed read: the next call reads again', async () => {
    const stored = storedSetting('a');
    const get = rememberSetting(stored.read, stored.watch);
    stored.reads.fail = true;
    await expect(get()).rejects.toThrow('storage unavailable');
    stored.reads.fail = false;
    expect(await get()).toBe('a');
    expect(stored.reads.count).toBe(2);
  });

  it('does not keep a read that was under way when a change was reported', async () => {
    const stored = storedSetting('a');
    const get = rememberSetting(stored.read, stored.watch);
    const early = get(); // started before the save
    stored.save('b');
    await early;
    expect(await get()).toBe('b');
  });
});
