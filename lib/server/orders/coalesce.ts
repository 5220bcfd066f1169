/**
 * Wraps a read so that callers asking for the same key while it runs share that one run ("single flight")
 * instead of each starting their own. A caller that joins gets an answer from a read that began at most one
 * read's duration before it asked: fine for a view that is polled anyway, never for a decision about money.
 * Only running reads are kept, so the map holds at most one entry per concurrent key.
 */
export function coalesced<K, V>(read: (key: K) => Promise<V>): (key: K) => Promise<V> {
  const running = new Map<K, Promise<V>>();
  return (key) => {
    const joined = running.get(key);
    if (joined) return joined;
    const started = read(key).finally(() => running.delete(key));
    running.set(key, started);
    return started;
  };
}
