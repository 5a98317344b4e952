import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Legal invoice details over HTTP: the agency's legal name, address, tax id and registration, the
// client's billing name, address, tax id and billing addresses, a purchase-order number; shown on
// the invoice and its print page, stamped when it is sent, and emailed to billing addresses too.

let api: Started;
let world: World;
const billingEmail = uniqueEmail("accounts");

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Details Agency");
});
afterAll(() => api.close());

const agencyUpdate = async (invoiceDetails: unknown) => {
  const agency = await world.owner.get("/agency");
  return world.owner.patch("/agency", { version: agency.body.version, invoiceDetails });
};
const clientUpdate = async (invoiceTo: unknown) => {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  return world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, invoiceTo });
};

describe("invoice details", () => {
  let invoiceId: string;

  it("are kept for the agency and the client, and cleared with an empty value", async () => {
    const agency = await agencyUpdate({ legalName: "Details Agency Ltd", address: "1 High Street\nLondon EC1A 1AA", taxId: "GB123456789", registration: "Registered in England, no. 01234567" });
    expect(agency.status, JSON.stringify(agency.body)).toBe(200);
    expect(agency.body.invoiceDetails).toEqual({ legalName: "Details Agency Ltd", address: "1 High Street\nLondon EC1A 1AA", taxId: "GB123456789", registration: "Registered in England, no. 01234567" });
    const client = await clientUpdate({ name: "Acme Corporation Inc.", address: "500 Fifth Ave\nNew York, NY", taxId: "US-99-1234567", emails: [billingEmail] });
    expect(client.status, JSON.stringify(client.body)).toBe(200);
    expect(client.body.invoiceTo).toEqual({ name: "Acme Corporation Inc.", address: "500 Fifth Ave\nNew York, NY", taxId: "US-99-1234567", emails: [billingEmail] });
    const cleared = await agencyUpdate({ registration: "" });
    expect(cleared.body.invoiceDetails.registration).toBeNull();
    expect(cleared.body.invoiceDetails.legalName).toBe("Details Agency Ltd");
  });

  it("print on the invoice with its purchase-order number", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, purchaseOrder: "PO-7781", lines: [{ kind: "custom", description: "Setup", quantity: 1, unitAmount: 10_000 }] });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    invoiceId = draft.body.id;
    const detail = await world.owner.get(`/invoices/${invoiceId}`);
    expect(detail.body).toMatchObject({
      purchaseOrder: "PO-7781",
      agency: { name: "Details Agency", legalName: "Details Agency Ltd", address: "1 High Street\nLondon EC1A 1AA", taxId: "GB123456789", registration: null },
      billTo: { name: "Acme Corporation Inc.", address: "500 Fifth Ave\nNew York, NY", taxId: "US-99-1234567" },
    });
    const print = await world.owner.get(`/invoices/${invoiceId}/print`);
    expect(print.status).toBe(200);
    for (const text of ["Details Agency Ltd", "1 High Street\nLondon EC1A 1AA", "Tax ID: GB123456789", "Acme Corporation Inc.", "Tax ID: US-99-1234567", "PO number", "PO-7781"]) expect(print.body).toContain(text);
  });

  it("are stamped when it is sent: later changes don't reach it, and the billing address gets the email", async () => {
    const draft = await world.owner.get(`/invoices/${invoiceId}`);
    const sent = await world.owner.post(`/invoices/${invoiceId}/send`, { version: draft.body.version });
    expect(sent.status, JSON.stringify(sent.body)).toBe(200);
    const mail = await waitForEmail(billingEmail, (e) => e.subject.includes(sent.body.number));
    expect(mail.destination.to).toEqual([billingEmail]);
    await agencyUpdate({ legalName: "Renamed Holdings Ltd" });
    await clientUpdate({ name: "", address: null });
    const after = await world.owner.get(`/invoices/${invoiceId}`);
    expect(after.body.agency.legalName).toBe("Details Agency Ltd");
    expect(after.body.billTo).toEqual({ name: "Acme Corporation Inc.", address: "500 Fifth Ave\nNew York, NY", taxId: "US-99-1234567" });
    // The client reads the same in the portal.
    const seen = await world.contact.get(`/invoices/${invoiceId}`);
    expect(seen.body.billTo.name).toBe("Acme Corporation Inc.");
    // A new draft has today's details: the client's name again, without the cleared address.
    const next = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "More", quantity: 1, unitAmount: 100 }] });
    expect((await world.owner.get(`/invoices/${next.body.id}`)).body).toMatchObject({ agency: { legalName: "Renamed Holdings Ltd" }, billTo: { name: "Acme Corp", address: null } });
  });

  it("refuse control characters, long values and too many addresses, changing nothing", async () => {
    for (const [details, field] of [
      [{ taxId: "GB1\u0000" }, "invoiceDetails.taxId"],
      [{ legalName: "Two\nlines" }, "invoiceDetails.legalName"],
      [{ address: "x".repeat(501) }, "invoiceDetails.address"],
      [{ address: "Bell\u0007Street" }, "invoiceDetails.address"],
    ] as const) {
      const refused = await agencyUpdate(details);
      expect(refused.status, JSON.stringify(details)).toBe(400);
      expect(Object.keys(refused.body.error.fields)).toContain(field);
    }
    const tooMany = await clientUpdate({ emails: Array.from({ length: 6 }, (_, i) => `b${i}@example.com`) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields["invoiceTo.emails"]).toBe("Add at most 5 billing addresses.");
    const notEmail = await clientUpdate({ emails: ["not an address"] });
    expect(notEmail.status).toBe(400);
    const po = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, purchaseOrder: "PO\r\n1", lines: [{ kind: "custom", description: "x", quantity: 1, unitAmount: 1 }] });
    expect(po.status).toBe(400);
    expect((await world.owner.get("/agency")).body.invoiceDetails.taxId).toBe("GB123456789");
  });
});
