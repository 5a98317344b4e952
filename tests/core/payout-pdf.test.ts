import { beforeAll, describe, expect, it } from "vitest";
import { loadTexts } from "../../packages/core/src/i18n/index.ts";
import type { PayoutItem } from "../../packages/core/src/payout/entity.ts";
import { render } from "../../packages/core/src/payout/pdf.ts";
import { actualTexts, pdfText } from "../support/pdf.ts";

// The payout statement PDF writes its time in the one duration format (issue 22 item 7), in the
// member's language: each line and the total as "1 h 30 min", never decimal hours.

function statement(overrides: Partial<PayoutItem> = {}): PayoutItem {
  return {
    agencyId: "agc_01JTEST",
    payoutId: "pay_01JTEST",
    memberId: "mem_01JTEST",
    memberName: "Sam Sub",
    timeZone: "Europe/Athens",
    period: "2026-11",
    currency: "EUR",
    costRate: 2_000,
    minutes: 150,
    amount: 5_000,
    lines: [
      { label: "Inbox clean-up", minutes: 105 },
      { label: "Travel booking", minutes: 45 },
    ],
    entryIds: ["tim_1", "tim_2"],
    agencyCurrency: "EUR",
    status: "issued",
    issuedAt: "2026-12-01T10:00:00.000Z",
    issuedBy: "mem_owner",
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    version: 1,
    ...overrides,
  } as PayoutItem;
}

describe("payout statement PDF", () => {
  beforeAll(() => loadTexts());

  it("writes each line's time and the total in the one duration format, in English", async () => {
    const text = await pdfText(await render(statement(), "Acme Agency", { locale: "en", timeZone: "Europe/Athens" }));
    expect(text).toMatch(/Inbox clean-up\s*1 h 45 min/);
    expect(text).toMatch(/Travel booking\s*45 min/);
    expect(text).toMatch(/Total hours\s*2 h 30 min/);
    expect(text).not.toMatch(/(^|\s)(2\.50|1\.75|0\.75)(\s|$)/);
  });

  it("writes the units in the member's language: Greek and Hindi", async () => {
    const greek = await pdfText(await render(statement(), "Γραφείο", { locale: "el", timeZone: "Europe/Athens" }));
    expect(greek).toMatch(/Inbox clean-up\s*1 ώρ\. 45 λεπ\./);
    expect(greek).toMatch(/Σύνολο ωρών\s*2 ώρ\. 30 λεπ\./);
    expect(greek).not.toMatch(/(^|\s)2,50(\s|$)/);
    // Devanagari is drawn in shaped (visual) order; its ActualText keeps the words as written.
    const bytes = await render(statement(), "एजेंसी", { locale: "hi", timeZone: "Asia/Kolkata" });
    expect(await pdfText(bytes)).toMatch(/कुल घंटे\s*2 घं॰ 30 /);
    expect((await actualTexts(bytes)).join(" ")).toContain("मि॰");
  });
});
