import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, startApi, waitForEmail, type Started } from "../support/http.ts";
import { parsedMime } from "../support/surveys.ts";
import { createWorld, type World } from "../support/world.ts";

// Regression tests for findings of the adversarial pass (issue 13) that fit in a few lines each:
// header injection through titles, caching of private responses, request numbers after a code
// change, and the portal's print link.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Findings Agency");
});
afterAll(() => api.close());

describe("a title with CR/LF (finding 8)", () => {
  it("never reaches an email's Subject as a new header line", async () => {
    const submitted = await world.contact.post("/requests", { title: "Help\r\nBcc: victim@example.com\r\n\r\nInjected", description: "D", service: "S" });
    expect(submitted.status).toBe(201);
    expect(submitted.body.title).toBe("Help Bcc: victim@example.com Injected");
    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject.includes(submitted.body.reference));
    expect(mail.subject).not.toMatch(/[\r\n]/);
    const mime = await parsedMime(mail);
    expect(mime.bcc).toBeUndefined();
    expect(mime.headers.get("subject")).toContain("Help Bcc: victim@example.com Injected");
  });

  it("is one line in any subject, whatever path the text took", async () => {
    const { Email } = await import("@baton/core/email");
    expect(Email.oneLineSubject("A\r\nB\u2028C\u0000D\tE")).toBe("A B C D E");
  });
});

describe("private responses (finding 12)", () => {
  it("are never cached: authenticated JSON, the invoice print page and CSV exports say no-store", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "X", quantity: 1, unitAmount: 100 }] });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status).toBe(200);
    for (const reply of [
      await world.owner.get("/me"),
      await world.owner.get("/clients"),
      await world.contact.get("/invoices"),
      await world.owner.get(`/invoices/${sent.body.id}/print`),
      await world.owner.get("/exports/time"),
      await world.owner.get("/exports/invoices"),
      await world.owner.get("/nope"),
      await new ApiClient(api.baseUrl).get("/me"),
    ]) {
      expect(reply.headers.get("cache-control")).toBe("no-store");
    }
  });
});

describe("request numbers after a client's code changes (finding 13)", () => {
  it("never hand out the same reference twice when another client takes the old code", async () => {
    const code = `FR${Date.now() % 100000}`;
    const first = await world.owner.post("/clients", { name: "First", code, timeZone: "UTC", currency: "USD", status: "active" });
    const one = await world.owner.post("/requests", { clientId: first.body.id, title: "One", description: "D", service: "S" });
    expect(one.body.reference).toBe(`${code}-1`);
    const renamed = await world.owner.patch(`/clients/${first.body.id}`, { version: first.body.version, code: `${code}X` });
    expect(renamed.status).toBe(200);
    const second = await world.owner.post("/clients", { name: "Second", code, timeZone: "UTC", currency: "USD", status: "active" });
    expect(second.status).toBe(201);
    const two = await world.owner.post("/requests", { clientId: second.body.id, title: "Two", description: "D", service: "S" });
    expect(two.body.reference).toBe(`${code}-2`);
    // The renamed client carries on with its own numbers under its new code.
    const three = await world.owner.post("/requests", { clientId: first.body.id, title: "Three", description: "D", service: "S" });
    expect(three.body.reference).toBe(`${code}X-2`);
  });

  it("numbers simultaneous requests without a gap or a repeat", async () => {
    const code = `PA${Date.now() % 100000}`;
    const client = await world.owner.post("/clients", { name: "Parallel", code, timeZone: "UTC", currency: "USD", status: "active" });
    const replies = await Promise.all(Array.from({ length: 6 }, (_, i) => world.owner.post("/requests", { clientId: client.body.id, title: `P${i}`, description: "D", service: "S" })));
    expect(replies.map((r) => r.body.reference).sort()).toEqual([1, 2, 3, 4, 5, 6].map((n) => `${code}-${n}`).sort());
  });
});

describe("the portal's print link (finding 14)", () => {
  it("opens the invoice for the signed-in contact: a page with no app header reads the portal's cookie", async () => {
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Printable", quantity: 1, unitAmount: 100 }] });
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    // As a browser opens a link: no x-baton-app header, only the cookies.
    const asPage = new ApiClient(api.baseUrl, null);
    Object.assign(asPage, { cookies: (world.contact as unknown as { cookies: Map<string, string> }).cookies });
    const page = await asPage.get(`/invoices/${sent.body.id}/print?app=portal`);
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain("Printable");
    // Without naming the app it would read the team app's cookie, which a contact doesn't have.
    expect((await asPage.get(`/invoices/${sent.body.id}/print`)).status).toBe(401);
  });

  it("lets the query name the app only for reads: a state change still needs the header", async () => {
    const asPage = new ApiClient(api.baseUrl, null);
    Object.assign(asPage, { cookies: (world.contact as unknown as { cookies: Map<string, string> }).cookies });
    const reply = await asPage.post(`/requests?app=portal`, { title: "Sneaky", description: "D", service: "S" });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe("csrf");
  });
});
