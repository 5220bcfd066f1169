import { describe, expect, it } from 'vitest';
import { coalesced } from '@/lib/server/orders/coalesce';

/** A read whose runs the test finishes by hand, so "at the same time" is exact. */
function manualRead() {
  const runs: { key: string; finish: (value: string) => void; fail: (error: Error) => void }[] = [];
  const read = (key: string) =>
    new Promise<string>((finish, fail) => {
      runs.push({ key, finish, fail });
    });
  return { runs, read: coalesced(read) };
}

describe('coalesced reads', () => {
  it('callers of one key while it runs share that run; other keys run on their own', async () => {
    const { runs, read } = manualRead();
    const first = read('a');
    const second = read('a');
    const other = read('b');
    expect(runs.map((run) => run.key)).toEqual(['a', 'b']);
    runs[0]!.finish('A');
    runs[1]!.finish('B');
    expect(await Promise.all([first, second, other])).toEqual(['A', 'A', 'B']);
  });

  it('keeps nothing once a run ends: the next caller reads again', async () => {
    const { runs, read } = manualRead();
    const first = read('a');
    runs[0]!.finish('old');
    expect(await first).toBe('old');
    const next = read('a');
    expect(runs).toHaveLength(2);
    runs[1]!.finish('new');
    expect(await next).toBe('new');
  });

  it('a failed run fails every caller that shared it, and the next caller tries again', async () => {
    const { runs, read } = manualRead();
    const first = read('a');
    const second = read('a');
    runs[0]!.fail(new Error('database down'));
    await expect(first).rejects.toThrow('database down');
    await expect(second).rejects.toThrow('database down');
    const again = read('a');
    expect(runs).toHaveLength(2);
    runs[1]!.finish('back');
    expect(await again).toBe('back');
  });
});
