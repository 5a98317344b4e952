import { describe, expect, it } from "vitest";
import { normalise, rank, score } from "../../web/src/nav/match.ts";

// The command palette's matching (web/src/nav/match.ts): what someone types against titles and references.

const items = [
  { title: "Acme Corp", reference: "ACME" },
  { title: "Write the newsletter", reference: "ACME-12-1", detail: "Acme Corp" },
  { title: "Newsletter for Acme", reference: "ACME-1", detail: "Acme Corp" },
  { title: "Café renovation brief", reference: "KOOK-3", detail: "Kookaburra & Co" },
];

describe("palette matching", () => {
  it("ignores case and accents, in Greek too", () => {
    expect(normalise("Café ΑΚΜΉ")).toBe("cafe ακμη");
    expect(rank("cafe", items, 5).map((i) => i.reference)).toEqual(["KOOK-3"]);
  });

  it("needs every word typed, in any of title, reference or detail", () => {
    expect(rank("newsletter acme", items, 5).map((i) => i.reference)).toEqual(["ACME-12-1", "ACME-1"]);
    expect(score("newsletter kookaburra", items[1]!)).toBeNull();
  });

  it("puts an exact reference first, then a reference or title that starts with what was typed", () => {
    expect(rank("acme-1", items, 5).map((i) => i.reference)).toEqual(["ACME-1", "ACME-12-1"]);
    expect(rank("acme", items, 5)[0]!.reference).toBe("ACME");
    expect(rank("news", items, 5).map((i) => i.reference)).toEqual(["ACME-1", "ACME-12-1"]);
  });

  it("keeps the given order among equals and stops at the limit", () => {
    expect(rank("", items, 2)).toEqual(items.slice(0, 2));
    expect(rank("co", items, 10).map((i) => i.reference)).toEqual(["ACME", "ACME-12-1", "ACME-1", "KOOK-3"]);
  });
});
