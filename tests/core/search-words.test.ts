import { describe, expect, it } from "vitest";
import { fold, keyWord, matches, queryWords, wordsOf } from "../../packages/core/src/search/normalise.ts";
import { firstIdAt, readFrom } from "../../packages/core/src/search/sync.ts";

describe("search words", () => {
  it("fold case and Greek and Latin accents, final sigma too", () => {
    expect(fold("Ωμέγα ΕΚΔΌΣΕΙΣ")).toBe("ωμεγα εκδοσεισ");
    expect(fold("Ϊλιάδα Café")).toBe("ιλιαδα cafe");
    expect(fold("Λόγος")).toBe(fold("ΛΟΓΟΣ"));
  });

  it("keep Devanagari as written: its vowel signs are part of the word", () => {
    expect(wordsOf("सर्वे की रिपोर्ट")).toEqual(["सर्वे", "की", "रिपोर्ट"]);
    expect(matches(queryWords("सर्वे"), wordsOf("सर्वे की रिपोर्ट"))).toBe(true);
    expect(matches(queryWords("सव"), wordsOf("सर्वे"))).toBe(false);
  });

  it("find a reference whole and by its parts", () => {
    expect(wordsOf("ACME-12", "Website refresh")).toEqual(["acme-12", "acme", "12", "website", "refresh"]);
    expect(queryWords("ACME-12")).toEqual(["acme-12"]);
    expect(queryWords(" -- !! ")).toEqual([]);
  });

  it("match when every typed word begins some word, read by the longest", () => {
    const words = wordsOf("Quarterly newsletter", "PL1-3");
    expect(matches(queryWords("quart news"), words)).toBe(true);
    expect(matches(queryWords("quart tax"), words)).toBe(false);
    expect(matches(queryWords("uarterly"), words)).toBe(false);
    expect(keyWord(["a", "news", "pl1"])).toBe("news");
  });
});

describe("the catch-up's range", () => {
  it("makes the smallest id of a moment, ordered as ULIDs are", () => {
    const early = firstIdAt("req", Date.UTC(2026, 0, 1));
    const later = firstIdAt("req", Date.UTC(2026, 0, 1) + 1);
    expect(early).toMatch(/^req_[0-9a-z]{26}$/);
    expect(early < later).toBe(true);
  });

  it("reads again the last two minutes, and only after the mark when it is older", () => {
    const now = Date.UTC(2026, 5, 1, 12);
    const old = firstIdAt("tsk", now - 10 * 60_000).replace(/0+$/, "zz");
    const recent = firstIdAt("tsk", now - 30_000).replace(/0+$/, "zz");
    expect(readFrom(undefined, now)).toBe("");
    expect(readFrom(old, now)).toBe(old);
    expect(readFrom(recent, now)).toBe(firstIdAt("tsk", now - 120_000));
  });
});
