/**
 * Keeps the simulator's in-memory stores bounded: a run that nobody resets must not grow for ever.
 * Entries are dropped oldest-first (Map insertion order), preferring those `prefer` marks as done; once over
 * capacity a store is trimmed to 90 % of it, so the work is amortised instead of paid on every insert.
 */
export function trimOldest<K, V>(
  map: Map<K, V>,
  capacity: number,
  { prefer = () => true, onEvict }: { prefer?: (value: V) => boolean; onEvict?: (key: K, value: V) => void } = {},
): void {
  if (map.size <= capacity) return;
  const target = Math.floor(capacity * 0.9);
  // First the preferred (finished) entries, then, if that was not enough, the oldest of the rest: a hard bound.
  for (const pass of [prefer, () => true]) {
    for (const [key, value] of map) {
      if (map.size <= target) return;
      if (!pass(value)) continue;
      map.delete(key);
      onEvict?.(key, value);
    }
  }
}
