import { describe, expect, it } from "vitest";
import { versionToSend } from "../../packages/ui/src/form-base.ts";

// Forms over one record that several forms on a page edit (packages/ui/src/form-base.ts): which version a form's
// save is checked against, when another form on the page saved after this one was made.

const made = { version: 3, paymentInstructions: "Wise", invoiceDetails: { legalName: "Acme Ltd", taxId: null }, holidays: ["2026-12-25"] };

describe("the version a form's save sends", () => {
  it("is the form's own when nothing was read since the form was made", () => {
    expect(versionToSend(["paymentInstructions"], made, made)).toBe(3);
  });

  it("is the newer one when another form saved other fields meanwhile", () => {
    const latest = { ...made, version: 4, paymentInstructions: "Bank transfer" };
    expect(versionToSend(["invoiceDetails"], made, latest)).toBe(4);
    expect(versionToSend(["holidays"], made, latest)).toBe(4);
  });

  it("stays the form's own (a conflict at the API) when a field it changes was changed meanwhile", () => {
    const latest = { ...made, version: 4, invoiceDetails: { legalName: "Changed Ltd", taxId: null } };
    expect(versionToSend(["invoiceDetails"], made, latest)).toBe(3);
    // One changed field among several is enough.
    expect(versionToSend(["paymentInstructions", "invoiceDetails"], made, latest)).toBe(3);
  });

  it("stays the form's own for a field the record it was made from does not have", () => {
    const latest = { ...made, version: 4 };
    expect(versionToSend(["somethingNew" as keyof typeof made], made, latest)).toBe(3);
  });
});
