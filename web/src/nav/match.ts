// Matching what someone types in the command palette against names and references. Pure, so
// the palette's ranking is the same whatever feeds it (today lists, later a search API).

export type Matchable = { title: string; reference?: string | undefined; detail?: string | undefined };

/** Case- and accent-blind ("Ακμή" finds "ακμη", "cafe" finds "Café"). */
export const normalise = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

/**
 * How well `item` answers `query`: every word typed must appear in its title, reference or detail;
 * an exact reference ranks first, then a reference or title that starts with what was typed,
 * then a word of the title that does. `null` when it doesn't match at all.
 */
export function score(query: string, item: Matchable): number | null {
  const q = normalise(query).trim().replace(/\s+/g, " ");
  if (!q) return 0;
  const title = normalise(item.title);
  const reference = normalise(item.reference ?? "");
  const haystack = `${title} ${reference} ${normalise(item.detail ?? "")}`;
  const words = q.split(" ");
  if (!words.every((word) => haystack.includes(word))) return null;
  if (reference && reference === q) return 100;
  if (reference && reference.startsWith(q)) return 80;
  if (title === q) return 70;
  if (title.startsWith(q)) return 60;
  if (title.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(words[0]!))) return 40;
  return 20;
}

/** The best `limit` matches, best first; ties keep the order they came in. */
export function rank<T extends Matchable>(query: string, items: readonly T[], limit: number): T[] {
  return items
    .map((item, index) => ({ item, index, score: score(query, item) }))
    .filter((entry): entry is { item: T; index: number; score: number } => entry.score !== null)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.item);
}
