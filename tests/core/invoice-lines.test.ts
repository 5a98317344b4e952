import { beforeAll, describe, expect, it } from "vitest";
import { loadTexts } from "../../packages/core/src/i18n/index.ts";
import { describeLine, type InvoiceLine } from "../../packages/core/src/invoice/present.ts";

// The lines Baton writes on invoices keep their meaning, so each reader gets them in their
// language; English readers (and lines people typed) get the stored description as written.

// Greek and Hindi texts load on first use, as the API, worker and jobs load them.
beforeAll(() => loadTexts());

const line = (description: string, text?: InvoiceLine["text"]): InvoiceLine => ({ kind: "retainer", description, quantity: 1, unitAmount: 100, amount: 100, ...(text ? { text } : {}) });

describe("describeLine", () => {
  const retainer = line("Retainer for November 2026 (10 h included)", { key: "retainer", period: "2026-11", hours: 10 });

  it("names a retainer's month in the reader's language", () => {
    expect(describeLine(retainer, "en")).toBe("Retainer for November 2026 (10 h included)");
    expect(describeLine(retainer, "el")).toBe("Μηνιαία πάγια αμοιβή: Νοέμβριος 2026 (περιλαμβάνονται 10 ώρ.)");
    expect(describeLine(retainer, "hi")).toBe("नवंबर 2026 का रिटेनर (10 घंटे शामिल)");
  });

  it("writes a deposit's share the reader's way", () => {
    const deposit = line("12.50% deposit", { key: "deposit", percent: 1250 });
    expect(describeLine(deposit, "en")).toBe("12.50% deposit");
    expect(describeLine(deposit, "el")).toBe("Προκαταβολή 12,5%");
    expect(describeLine(deposit, "hi")).toBe("12.5% अग्रिम राशि");
  });

  it("translates the overage line and leaves lines people typed alone", () => {
    expect(describeLine(line("Time beyond the included hours last month", { key: "overage" }), "hi")).toBe("पिछले महीने शामिल घंटों से अधिक समय");
    expect(describeLine(line("Logo design"), "el")).toBe("Logo design");
  });
});
