import { describe, expect, it } from "vitest";
import { invoiceReaders, wants } from "../../packages/core/src/notify/preferences.ts";

describe("wants", () => {
  it("reads each kind's own switch, on unless turned off", () => {
    expect(wants({}, "handoffs")).toBe(true);
    expect(wants({ messageEmails: false }, "messages")).toBe(false);
    expect(wants({ messageEmails: false }, "handoffs")).toBe(true);
    expect(wants({ invoiceEmails: false }, "invoices")).toBe(false);
  });

  it("lets digests and surveys never set follow the hand-off switch, as the single switch did", () => {
    expect(wants({ emailNotifications: false }, "digests")).toBe(false);
    expect(wants({ emailNotifications: false }, "surveys")).toBe(false);
    expect(wants({ emailNotifications: false, digestEmails: true }, "digests")).toBe(true);
    expect(wants({ emailNotifications: true, surveyEmails: false }, "surveys")).toBe(false);
    // Invoices were never silenced by the hand-off switch, and still aren't.
    expect(wants({ emailNotifications: false }, "invoices")).toBe(true);
  });
});

describe("invoiceReaders", () => {
  const ada = { email: "ada@x.test", invoiceEmails: false };
  const bo = { email: "bo@x.test" };
  it("leaves out those who turned invoices off", () => {
    expect(invoiceReaders([ada, bo], 0)).toEqual([bo]);
    expect(invoiceReaders([ada], 1)).toEqual([]);
  });
  it("keeps everyone when nobody would get the invoice otherwise", () => {
    expect(invoiceReaders([ada], 0)).toEqual([ada]);
  });
});
