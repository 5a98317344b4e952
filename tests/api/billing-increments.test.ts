import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Billing increments over HTTP: the agency's rule and a client's own, applied to each time entry
// before the invoice adds them up, shown with the unbilled time, and refused when not in the list.

let api: Started;
let world: World;
let taskId: string;

const RATE = 6_000; // 60.00 an hour: a minute is 1.00

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Increments Agency");
  const { task } = await acceptedTask(world, { title: "Rounded work" });
  taskId = task.id;
  await setClientBilling({ hourlyRate: RATE });
});
afterAll(() => api.close());

async function setClientBilling(billing: Record<string, unknown>) {
  const client = await world.owner.get(`/clients/${world.ids.client}`);
  const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  return saved.body;
}

async function setAgencyIncrement(billingIncrement: unknown) {
  const agency = await world.owner.get("/agency");
  return world.owner.patch("/agency", { version: agency.body.version, billingIncrement });
}

/** Logs entries of these minutes, invoices them, and answers the time line's minutes and amount. */
async function invoiceOf(minutes: number[]) {
  for (const [index, length] of minutes.entries()) {
    const logged = await world.owner.post("/time", { taskId, startedAt: new Date(Date.now() - (index + 2) * 3_600_000).toISOString(), minutes: length });
    expect(logged.status, JSON.stringify(logged.body)).toBe(201);
  }
  const unbilled = await world.owner.get(`/time/unbilled?clientId=${world.ids.client}`);
  expect(unbilled.body.items.map((entry: any) => entry.minutes).sort((a: number, b: number) => a - b)).toEqual([...minutes].sort((a, b) => a - b));
  const invoice = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [] });
  expect(invoice.status, JSON.stringify(invoice.body)).toBe(201);
  const line = invoice.body.lines.find((l: any) => l.kind === "time");
  return { quantity: line.quantity, amount: line.amount, increment: unbilled.body.increment };
}

describe("billing increments", () => {
  it("bill to the exact minute until the agency sets a rule", async () => {
    expect((await world.owner.get("/agency")).body.billingIncrement).toEqual({ step: 1, rounding: "up", minimumMinutes: 0 });
    expect(await invoiceOf([7, 20])).toEqual({ quantity: 27, amount: 2_700, increment: { step: 1, rounding: "up", minimumMinutes: 0 } });
  });

  it("round each entry up to the agency's step before adding them", async () => {
    const saved = await setAgencyIncrement({ step: 15, rounding: "up" });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.billingIncrement).toEqual({ step: 15, rounding: "up", minimumMinutes: 0 });
    // 7 → 15 and 20 → 30 (not 27 → 30).
    expect(await invoiceOf([7, 20])).toEqual({ quantity: 45, amount: 4_500, increment: { step: 15, rounding: "up", minimumMinutes: 0 } });
  });

  it("follow the client's own rule over the agency's, with its minimum per entry", async () => {
    const client = await setClientBilling({ increment: { step: 6, rounding: "nearest", minimumMinutes: 10 } });
    expect(client.billing.increment).toEqual({ step: 6, rounding: "nearest", minimumMinutes: 10 });
    // 4 → 6, but at least 10; 20 → 18 (nearest 6); 40 → 42.
    expect(await invoiceOf([4, 20, 40])).toEqual({ quantity: 70, amount: 7_000, increment: { step: 6, rounding: "nearest", minimumMinutes: 10 } });
  });

  it("go back to the agency's rule when the client's is cleared", async () => {
    const client = await setClientBilling({ increment: null });
    expect(client.billing.increment).toBeNull();
    expect(await invoiceOf([1])).toEqual({ quantity: 15, amount: 1_500, increment: { step: 15, rounding: "up", minimumMinutes: 0 } });
  });

  it("refuse steps not in the list, unknown roundings and minimums out of range, and change nothing", async () => {
    for (const [increment, field] of [
      [{ step: 10 }, "billingIncrement.step"],
      [{ step: 15, rounding: "down" }, "billingIncrement.rounding"],
      [{ step: 15, minimumMinutes: 61 }, "billingIncrement.minimumMinutes"],
      [{ step: 15, minimumMinutes: -1 }, "billingIncrement.minimumMinutes"],
      [{ step: "15" }, "billingIncrement.step"],
    ] as const) {
      const refused = await setAgencyIncrement(increment);
      expect(refused.status, JSON.stringify(increment)).toBe(400);
      expect(Object.keys(refused.body.error.fields)).toContain(field);
    }
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const refused = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { increment: { step: 45 } } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields["billing.increment.step"]).toBe("Choose the exact minute, 6, 15 or 30 minutes.");
    expect((await world.owner.get("/agency")).body.billingIncrement).toEqual({ step: 15, rounding: "up", minimumMinutes: 0 });
  });

  it("are the owner's to set", async () => {
    const agency = await world.owner.get("/agency");
    expect((await world.sub.patch("/agency", { version: agency.body.version, billingIncrement: { step: 30 } })).status).toBe(403);
  });
});
