import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Reply, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Bounds where money and time enter: amounts are capped so everything derived from them (a
// line's quantity × price, a fee with 100% tax, time at a rate) stays a safe integer and a total
// too large is a 422; dates are real calendar dates in Baton's years, ranges run forwards and
// are of bounded length; a working week has enough time in it for every promise to fall due.
// Each of these answered 500 before.

let api: Started;
let world: World;
beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Bounds Agency");
});
afterAll(() => api.close());

const MAX_INPUT = 10_000_000_000;

function refused(reply: Reply, field: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.body.error.code).toBe("validation_failed");
  expect(Object.keys(reply.body.error.fields)).toContain(field);
}

describe("dates", () => {
  it("refuses impossible dates, even from a subcontractor (was a 500)", async () => {
    refused(await world.sub.get("/time/week?date=2026-13-45"), "date");
    refused(await world.sub.get("/time/week?date=2026-02-30"), "date");
  });

  it("refuses year 0000 and other years out of range", async () => {
    refused(await world.owner.get("/reports/margin?from=0000-01-01&to=2026-01-01"), "from");
    refused(await world.owner.get("/reports/revenue?from=0000-01"), "from");
    refused(await world.owner.get("/calendar/month?month=0000-01"), "month");
    const { task } = await acceptedTask(world, { title: "Year zero" });
    refused(await world.owner.post("/time", { taskId: task.id, startedAt: "0000-01-01T00:00:00Z", minutes: 30 }), "startedAt");
    refused(await world.contact.post("/requests", { title: "T", description: "D", service: "S", desiredDueDate: "0000-12-31" }), "desiredDueDate");
  });

  it("refuses reversed ranges and ranges that are too long", async () => {
    refused(await world.owner.get("/reports/margin?from=2026-02-01&to=2026-01-01"), "to");
    refused(await world.owner.get("/reports/payouts?from=2020-01-01&to=2026-01-01"), "to");
    refused(await world.owner.get("/exports/time?from=2026-02-01&to=2026-01-01"), "to");
    refused(await world.owner.get("/exports/time?from=1990-01-01"), "from");
    refused(await world.owner.get("/exports/invoices?from=2026-02-01&to=2026-01-01"), "to");
    refused(await world.owner.get(`/time/unbilled?clientId=${world.ids.client}&from=2026-02-01&to=2026-01-01`), "to");
    refused(await world.owner.post("/invoices", { clientId: world.ids.client, from: "2026-02-01", to: "2026-01-01" }), "to");
    refused(await world.owner.get("/reports/revenue?from=2026-05&to=2026-01"), "from");
  });
});

describe("the working week", () => {
  it("refuses a working day too short for promises to fall due, and times that don't exist", async () => {
    const agency = await world.owner.get("/agency");
    refused(await world.owner.patch("/agency", { version: agency.body.version, workingWeek: { days: [7], start: "00:00", end: "00:01" } }), "workingWeek.end");
    refused(await world.owner.patch("/agency", { version: agency.body.version, workingWeek: { days: [1], start: "09:00", end: "25:00" } }), "workingWeek.end");
    refused(await world.owner.patch("/agency", { version: agency.body.version, holidays: ["0000-01-01"] }), "holidays");
  });

  it("keeps requests working with the thinnest week allowed", async () => {
    const agency = await world.owner.get("/agency");
    const thin = await world.owner.patch("/agency", { version: agency.body.version, workingWeek: { days: [7], start: "00:00", end: "01:00" } });
    expect(thin.status).toBe(200);
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, responseHours: 240 });
    const submitted = await world.contact.post("/requests", { title: "Slow week", description: "D", service: "S" });
    expect(submitted.status).toBe(201);
    const back = await world.owner.get("/agency");
    await world.owner.patch("/agency", { version: back.body.version, workingWeek: { days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" } });
  });
});

describe("money", () => {
  it("caps every amount a person enters (finding 1's retainer fee of 1e12 included)", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const version = client.body.version;
    refused(await world.owner.patch(`/clients/${world.ids.client}`, { version, billing: { retainer: { fee: 1e12, includedMinutes: 600 }, taxRate: 10_000 } }), "billing.retainer.fee");
    refused(await world.owner.patch(`/clients/${world.ids.client}`, { version, billing: { hourlyRate: Number.MAX_SAFE_INTEGER + 2 } }), "billing.hourlyRate");
    refused(await world.owner.post("/packages", { name: "Huge", prices: [{ currency: "USD", amount: 2 ** 53 }] }), "prices.0.amount");
  });

  it("issues the largest retainer with 100% tax: a safe total, no RangeError", async () => {
    const code = `RT${Date.now() % 100000}`;
    const made = await world.owner.post("/clients", { name: "Retainer Max", code, timeZone: "UTC", currency: "USD", status: "active" });
    const billed = await world.owner.patch(`/clients/${made.body.id}`, {
      version: made.body.version,
      billing: { hourlyRate: MAX_INPUT, taxRate: 10_000, retainer: { fee: MAX_INPUT, includedMinutes: 0 } },
    });
    expect(billed.status, JSON.stringify(billed.body)).toBe(200);
    const { Invoices } = await import("@baton/core/invoice");
    await Invoices.MoneyJobs.issueRetainers();
    const list = await world.owner.get(`/invoices?clientId=${made.body.id}`);
    const retainer = list.body.items.find((invoice: { kind: string }) => invoice.kind === "retainer");
    expect(retainer.total).toBe(2 * MAX_INPUT);
    expect(Number.isSafeInteger(retainer.total)).toBe(true);
  });

  it("answers 422 for an invoice whose total would be too large, not 500 (was: over 2^53 once tax applied)", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { taxRate: 10_000 } });
    const lines = Array.from({ length: 20 }, () => ({ kind: "custom", description: "Everything", quantity: 10_000, unitAmount: MAX_INPUT }));
    const reply = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines });
    expect(reply.status, JSON.stringify(reply.body)).toBe(422);
    expect(reply.body.error.code).toBe("invoice.too_large");
  });
});
