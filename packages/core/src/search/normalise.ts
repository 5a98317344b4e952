// How text becomes search words, the same way for what is indexed and what is typed: case and
// accents don't count (Greek tonos and dialytika, Latin accents), Devanagari is kept as written
// (its vowel signs are letters of the word, not accents), and a reference like "ACME-12" is one
// word as well as its parts.

/** Combining accents of Latin and Greek (U+0300–U+036F); Devanagari's signs are outside it. */
const ACCENTS = /[\u0300-\u036f]/g;
const SEPARATORS = /[^\p{L}\p{N}\p{M}-]+/u;
const MAX_WORD = 40;
const MAX_WORDS = 60;

/** Lower case without accents; Greek final sigma is sigma. */
export function fold(text: string): string {
  return text.normalize("NFD").replace(ACCENTS, "").normalize("NFC").toLowerCase().replace(/ς/g, "σ");
}

function split(text: string): string[] {
  return fold(text)
    .split(SEPARATORS)
    .map((word) => word.replace(/^-+|-+$/g, "").slice(0, MAX_WORD))
    .filter(Boolean);
}

/** The distinct words a text is found by: each word, and each part of a hyphenated one. */
export function wordsOf(...texts: Array<string | null | undefined>): string[] {
  const words = new Set<string>();
  for (const text of texts) {
    for (const word of split(text ?? "")) {
      words.add(word);
      if (word.includes("-")) for (const part of word.split("-")) if (part) words.add(part);
    }
  }
  return [...words].slice(0, MAX_WORDS);
}

/** The words of what someone typed (a hyphenated word stays whole: it is a reference). */
export function queryWords(text: string): string[] {
  return [...new Set(split(text))];
}

/** Whether every typed word begins some word of the item. */
export function matches(query: readonly string[], words: readonly string[]): boolean {
  return query.every((typed) => words.some((word) => word.startsWith(typed)));
}

/** The typed word that narrows the index read most: the longest. */
export function keyWord(query: readonly string[]): string {
  return [...query].sort((a, b) => b.length - a.length)[0] ?? "";
}
