/**
 * A bounded memo: what `make()` gives for `key`, kept in `map` so that the next ask with that key is a lookup. The
 * map is emptied when it holds `limit` entries (the asks come in runs of the same few hundred keys — a save's
 * ranges, a batch template's formulas and parts — so dropping all is as good as an LRU and costs nothing to keep).
 * In a1 because every layer that keeps such results may import it (docs/ARCHITECTURE.md). `make` must not give
 * undefined: it stands for "not kept".
 */
export function kept<K, V extends NonNullable<unknown> | null>(map: Map<K, V>, key: K, limit: number, make: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  const value = make();
  if (map.size >= limit) map.clear();
  map.set(key, value);
  return value;
}
