import { describe, expect, it } from "vitest";
import { versionToSend } from "../../web/src/pages/settings/version-to-send.ts";

// The Settings cards' save (web/src/pages/settings/version-to-send.ts): which agency version a card's change is
// checked against, when another card on the page saved after this card's form was made.

const made = { version: 3, paymentInstructions: "Wise", invoiceDetails: { legalName: "Acme Ltd", taxId: null }, holidays: ["2026-12-25"] };

describe("the version a Settings card's save sends", () => {
  it("is the form's own when nothing was read since the form was made", () => {
    expect(versionToSend({ paymentInstructions: "Bank" }, made, made)).toBe(3);
  });

  it("is the newer one when another card saved other fields meanwhile", () => {
    const latest = { ...made, version: 4, paymentInstructions: "Bank transfer" };
    expect(versionToSend({ invoiceDetails: { legalName: "Acme Holdings", taxId: null } }, made, latest)).toBe(4);
    expect(versionToSend({ holidays: [] }, made, latest)).toBe(4);
  });

  it("stays the form's own (a conflict at the API) when a field it changes was changed meanwhile", () => {
    const latest = { ...made, version: 4, invoiceDetails: { legalName: "Changed Ltd", taxId: null } };
    expect(versionToSend({ invoiceDetails: { legalName: "Mine Ltd", taxId: null } }, made, latest)).toBe(3);
    // One changed field among several is enough.
    expect(versionToSend({ paymentInstructions: "Bank", invoiceDetails: made.invoiceDetails }, made, latest)).toBe(3);
  });

  it("stays the form's own for a field the agency it was made from does not have", () => {
    const latest = { ...made, version: 4 };
    expect(versionToSend({ somethingNew: 1 }, made, latest)).toBe(3);
  });
});
