import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBusinessDays, addBusinessHours, zonedParts, type WorkingWeek } from "@baton/core/business-hours";
import { db } from "@baton/core/db";
import { mailCount, startApi, waitForEmail, type Started } from "../support/http.ts";
import { readableWhen } from "../../packages/core/src/email/when.ts";
import { createWorld, type World } from "../support/world.ts";

// Response promises over HTTP: the agency's working week and holidays (validated, stored), the
// due time a submitted request gets from them, and the report of promises kept and breached.
// The server's clock can't be set, so weeks and holidays are chosen relative to today and the
// expected due time is worked out with the same core function from the instants around the call.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Promise Agency");
});
afterAll(() => api.close());

const zone = "Europe/London"; // createAgency's zone
const HOUR = 3_600_000;

async function setAgency(owner = world.owner, changes: Record<string, unknown>) {
  const agency = await owner.get("/agency");
  return owner.patch("/agency", { version: agency.body.version, ...changes });
}

/** The local date `days` after `at`'s date in `zone`, "YYYY-MM-DD". */
function localDate(at: Date, days = 0) {
  const { year, month, day } = zonedParts(at, zone);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** ISO weekday (1–7) `days` after `at`'s in `zone`. */
const weekday = (at: Date, days = 0) => ((zonedParts(at, zone).weekday - 1 + days) % 7) + 1;

async function submit(title: string, client = world.contact) {
  const reply = await client.post("/requests", { title, description: "Please.", service: "Admin" });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; version: number; responseDueAt: string; createdAt: string };
}

describe("working hours and holidays in the agency's settings", () => {
  const fieldsOf = async (changes: Record<string, unknown>) => {
    const reply = await setAgency(world.owner, changes);
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
    return reply.body.error.fields as Record<string, string>;
  };

  it("starts on Monday–Friday 09:00–17:00 with no holidays", async () => {
    const agency = (await world.owner.get("/agency")).body;
    expect(agency.workingWeek).toEqual({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
    expect(agency.holidays).toEqual([]);
  });

  it("names the field for days that are missing, repeated or out of range", async () => {
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [], start: "09:00", end: "17:00" } }))).toEqual(["workingWeek.days"]);
    expect((await fieldsOf({ workingWeek: { days: [1, 1, 2], start: "09:00", end: "17:00" } }))["workingWeek.days"]).toMatch(/once/);
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [0, 8], start: "09:00", end: "17:00" } }))[0]).toMatch(/^workingWeek\.days/);
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [1.5], start: "09:00", end: "17:00" } }))[0]).toMatch(/^workingWeek\.days/);
  });

  it("names the field for times that are not HH:MM from 00:00 to 24:00, or that end before they start", async () => {
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [1], start: "9:00", end: "17:00" } }))).toEqual(["workingWeek.start"]);
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [1], start: "09:00", end: "24:30" } }))).toEqual(["workingWeek.end"]);
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [1], start: "09:60", end: "17:00" } }))).toEqual(["workingWeek.start"]);
    expect(await fieldsOf({ workingWeek: { days: [1], start: "17:00", end: "09:00" } })).toEqual({ "workingWeek.end": "The working day must end at least an hour after it starts." });
    expect(await fieldsOf({ workingWeek: { days: [1], start: "09:00", end: "09:00" } })).toEqual({ "workingWeek.end": "The working day must end at least an hour after it starts." });
    expect(Object.keys(await fieldsOf({ workingWeek: { days: [1], start: "09:00" } }))).toEqual(["workingWeek.end"]);
  });

  it("names the field for holidays that are not real dates, or too many", async () => {
    expect((await fieldsOf({ holidays: ["2026-12-25", "2026-02-30"] })).holidays).toContain("2026-02-30");
    expect(Object.keys(await fieldsOf({ holidays: ["25/12/2026"] }))).toEqual(["holidays"]);
    expect(Object.keys(await fieldsOf({ holidays: [20261225] }))[0]).toMatch(/^holidays/);
    const many = Array.from({ length: 101 }, (_, i) => new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10));
    expect(Object.keys(await fieldsOf({ holidays: many }))).toEqual(["holidays"]);
  });

  it("saves the week and the holidays sorted and without repeats, and refuses a stale version", async () => {
    const before = (await world.owner.get("/agency")).body;
    const saved = await setAgency(world.owner, {
      workingWeek: { days: [5, 1, 3], start: "08:30", end: "24:00" },
      holidays: ["2027-01-01", "2026-12-25", "2027-01-01", "2026-12-26"],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.workingWeek).toEqual({ days: [1, 3, 5], start: "08:30", end: "24:00" });
    expect(saved.body.holidays).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);
    expect(saved.body.version).toBe(before.version + 1);
    expect((await world.owner.get("/agency")).body.holidays).toEqual(["2026-12-25", "2026-12-26", "2027-01-01"]);

    const stale = await world.owner.patch("/agency", { version: before.version, holidays: [] });
    expect(stale.status).toBe(409);
    expect((await world.owner.get("/agency")).body.holidays).toHaveLength(3);
  });

  it("lets only the owner change them", async () => {
    const version = (await world.owner.get("/agency")).body.version;
    expect((await world.sub.patch("/agency", { version, holidays: [] })).status).toBe(403);
    expect([403, 404]).toContain((await world.contact.patch("/agency", { version, holidays: [] })).status);
  });
});

describe("the response due time of a submitted request", () => {
  // A "Friday" (today, in the agency's zone), a two-day "weekend", a "Monday" holiday and a
  // "Tuesday", each worked round the clock, so whenever the test runs the 24-hour promise made
  // today spills past today, over the weekend and the holiday, onto the Tuesday.
  const week = (now: Date): WorkingWeek => ({ days: [weekday(now), weekday(now, 3), weekday(now, 4)].sort(), start: "00:00", end: "24:00" });

  it("skips the weekend and a Monday holiday and falls due on the Tuesday", async () => {
    const now = new Date();
    const holidays = [localDate(now, 3)];
    const saved = await setAgency(world.owner, { workingWeek: week(now), holidays });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, responseHours: 24 });

    const before = new Date();
    const request = await submit("Before the long weekend");
    const after = new Date();
    const calendar = { ...week(now), holidays };
    const due = Date.parse(request.responseDueAt);
    expect(due).toBeGreaterThanOrEqual(addBusinessHours(before, 24, zone, calendar).getTime());
    expect(due).toBeLessThanOrEqual(addBusinessHours(after, 24, zone, calendar).getTime());
    expect(localDate(new Date(due))).toBe(localDate(before, 4));
    // The same wall-clock time as it was submitted (whatever a DST change did in between).
    const submitted = zonedParts(before, zone);
    const dueParts = zonedParts(new Date(due), zone);
    expect(dueParts.hour * 60 + dueParts.minute).toBeGreaterThanOrEqual(submitted.hour * 60 + submitted.minute);
    expect(dueParts.hour * 60 + dueParts.minute - (submitted.hour * 60 + submitted.minute)).toBeLessThanOrEqual(1);
  });

  it("falls due on the Monday when it is not a holiday", async () => {
    const now = new Date();
    const saved = await setAgency(world.owner, { workingWeek: week(now), holidays: [] });
    expect(saved.status).toBe(200);
    const before = new Date();
    const request = await submit("An ordinary weekend");
    expect(localDate(new Date(request.responseDueAt))).toBe(localDate(before, 3));
  });
});

describe("a promise in business days", () => {
  // The same long weekend as above, worked round the clock so the test may run at any hour: a
  // one-business-day promise made on the "Friday" is kept on the "Tuesday" at the same wall-clock
  // time, the weekend and the Monday holiday skipped.
  const week = (now: Date): WorkingWeek => ({ days: [weekday(now), weekday(now, 3), weekday(now, 4)].sort(), start: "00:00", end: "24:00" });

  async function setClient(changes: Record<string, unknown>) {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    return world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, ...changes });
  }

  it("is what a new client is promised: one business day", async () => {
    const created = await world.owner.post("/clients", { name: "Days Ltd", code: `DY${Math.floor(Math.random() * 10_000)}`, timeZone: "Asia/Kolkata", currency: "GBP" });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ responsePromise: { amount: 1, unit: "days" }, responseHours: null });
  });

  it("falls due across the weekend and the holiday, at the hour it was sent", async () => {
    const now = new Date();
    const holidays = [localDate(now, 3)];
    expect((await setAgency(world.owner, { workingWeek: week(now), holidays })).status).toBe(200);
    const saved = await setClient({ responseDays: 1 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ responsePromise: { amount: 1, unit: "days" }, responseHours: null });

    const before = new Date();
    const request = await submit("Sent on the Friday");
    const after = new Date();
    const calendar = { ...week(now), holidays };
    const due = Date.parse(request.responseDueAt);
    expect(due).toBeGreaterThanOrEqual(addBusinessDays(before, 1, zone, calendar).getTime());
    expect(due).toBeLessThanOrEqual(addBusinessDays(after, 1, zone, calendar).getTime());
    expect(localDate(new Date(due))).toBe(localDate(before, 4));

    // The client reads the same promise the request got (the portal's new-request page counts it).
    const company = await world.contact.get("/portal/company");
    expect(company.body.client.responsePromise).toEqual({ amount: 1, unit: "days" });
    const shown = await world.contact.get(`/requests/${request.id}`);
    expect(shown.body.request.responseDueAt).toBe(request.responseDueAt);
  });

  it("takes two business days as two working days on", async () => {
    const now = new Date();
    expect((await setAgency(world.owner, { workingWeek: week(now), holidays: [] })).status).toBe(200);
    expect((await setClient({ responseDays: 2 })).status).toBe(200);
    const before = new Date();
    const request = await submit("Two days");
    // Friday → Monday (1) → Tuesday (2).
    expect(localDate(new Date(request.responseDueAt))).toBe(localDate(before, 4));
  });

  it("is emailed to the client who sent the request, in her language and zone; one the team enters sends her none", async () => {
    const address = world.people.contact.email;
    const request = await submit("Receipt please");
    const reference = (await world.contact.get(`/requests/${request.id}`)).body.request.reference as string;
    const receipt = await waitForEmail(address, (email) => email.subject.includes(reference));
    expect(receipt.subject).toBe(`We received ${reference}: Receipt please`);
    // The contact works in New York: the date and hour she reads are the stamped instant on her clock.
    const expected = readableWhen(request.responseDueAt, "en", "America/New_York");
    expect(receipt.body.text).toContain(`You'll hear back by ${expected}.`);
    expect(receipt.body.html).toContain(`/portal/requests/${request.id}`);

    const seen = await mailCount(address);
    const entered = await world.owner.post("/requests", { clientId: world.ids.client, title: "Entered by the team", description: "From a call.", service: "Admin" });
    expect(entered.status, JSON.stringify(entered.body)).toBe(201);
    // The owners' email for it is the sign that the outbox has sent what this request queued.
    await waitForEmail(world.agency.ownerEmail, (email) => email.subject.includes("Entered by the team"));
    expect(await mailCount(address)).toBe(seen);
  });

  it("switches back to hours, and keeps hours stored before days existed as they were", async () => {
    const hours = await setClient({ responseHours: 16 });
    expect(hours.body).toMatchObject({ responsePromise: { amount: 16, unit: "hours" }, responseHours: 16 });
    // A client saved before promises had a unit: hours only.
    await db.entities.client.patch({ agencyId: world.agency.agencyId, clientId: world.ids.client }).set({ responseHours: 40 }).remove(["responseDays"]).go();
    const old = await world.owner.get(`/clients/${world.ids.client}`);
    expect(old.body).toMatchObject({ responsePromise: { amount: 40, unit: "hours" }, responseHours: 40 });
  });

  it("refuses days out of range, part days, and days with hours at once", async () => {
    for (const responseDays of [0, 31, 1.5, "1"]) {
      const reply = await setClient({ responseDays });
      expect(reply.status, String(responseDays)).toBe(400);
      expect(Object.keys(reply.body.error.fields)).toEqual(["responseDays"]);
    }
    const both = await setClient({ responseDays: 1, responseHours: 8 });
    expect(both.status).toBe(400);
    expect(both.body.error.fields.responseDays).toMatch(/not both/);
  });
});

describe("the response-promise report", () => {
  let report: World;
  let secondClient: string;
  const thisMonth = () => localDate(new Date()).slice(0, 7);

  /** Moves a request's promise (and, to give it a measurable response time, its receipt) into the past, as if it had waited. */
  async function backdate(requestId: string, dueHoursAgo: number, receivedHoursAgo = dueHoursAgo) {
    const { data } = await db.entities.request.get({ agencyId: report.agency.agencyId, requestId }).go();
    const now = Date.now();
    await db.entities.request
      .put({ ...data!, createdAt: new Date(now - receivedHoursAgo * HOUR).toISOString(), responseDueAt: new Date(now - dueHoursAgo * HOUR).toISOString() })
      .go();
  }

  const accept = async (request: { id: string }) => {
    const current = await report.owner.get(`/requests/${request.id}`);
    const reply = await report.owner.post(`/requests/${request.id}/accept`, {
      version: current.body.request.version,
      tasks: [{ title: "Do it", estimateHours: 1, dueAt: new Date(Date.now() + 5 * 24 * HOUR).toISOString(), skills: [] }],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  };

  beforeAll(async () => {
    report = await createWorld(api, "Report Agency");
    // Round the clock, so response times are plain elapsed hours whenever the test runs.
    await setAgency(report.owner, { workingWeek: { days: [1, 2, 3, 4, 5, 6, 7], start: "00:00", end: "24:00" } });
    const created = await report.owner.post("/clients", { name: "Zed Ltd", code: `ZD${Math.floor(Math.random() * 10_000)}`, timeZone: "UTC", currency: "GBP", status: "active", responseHours: 4 });
    secondClient = created.body.id;

    // Acme: one answered in time, one answered late, one unanswered and overdue, one still open.
    const onTime = await submit("Answered in time", report.contact);
    await accept(onTime);
    const late = await submit("Answered late", report.contact);
    await backdate(late.id, 2, 10);
    await accept(late);
    const overdue = await submit("Never answered", report.contact);
    await backdate(overdue.id, 1);
    await submit("Still within the promise", report.contact);

    // Zed: declined in time.
    const declined = await report.owner.post("/requests", { clientId: secondClient, title: "Not for us", description: "Sorry.", service: "Admin" });
    expect(declined.status).toBe(201);
    expect((await report.owner.post(`/requests/${declined.body.id}/decline`, { version: declined.body.version, reason: "Out of scope." })).status).toBe(200);
  });

  it("counts kept, late, overdue and open promises per client and in total", async () => {
    const reply = await report.owner.get(`/reports/responses?from=${thisMonth()}&to=${thisMonth()}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const body = reply.body;
    expect(body).toMatchObject({ from: thisMonth(), to: thisMonth(), timeZone: zone });
    expect(body.total).toMatchObject({ received: 5, onTime: 2, breached: 2, answeredLate: 1, overdue: 1, open: 1, breachRate: 5000 });

    const [acme, zed] = body.clients;
    expect(acme).toMatchObject({ clientId: report.ids.client, name: "Acme Corp", responseHours: null, responsePromise: { amount: 1, unit: "days" }, received: 4, onTime: 1, breached: 2, answeredLate: 1, overdue: 1, open: 1, breachRate: 6667 });
    expect(zed).toMatchObject({ clientId: secondClient, name: "Zed Ltd", responseHours: 4, responsePromise: { amount: 4, unit: "hours" }, received: 1, onTime: 1, breached: 0, open: 0, breachRate: 0 });
  });

  it("gives the median first response in business hours", async () => {
    const body = (await report.owner.get(`/reports/responses?from=${thisMonth()}&to=${thisMonth()}`)).body;
    const acme = body.clients.find((row: { clientId: string }) => row.clientId === report.ids.client);
    // Answered at once (about 0 h) and after about 10 h: the median of two is their mean.
    expect(acme.medianResponseHours).toBeGreaterThan(4.9);
    expect(acme.medianResponseHours).toBeLessThan(5.2);
    const zed = body.clients.find((row: { clientId: string }) => row.clientId === secondClient);
    expect(zed.medianResponseHours).toBeLessThan(0.1);
  });

  it("counts only requests received in the months asked for, in the last 12 by default", async () => {
    const { year, month } = zonedParts(new Date(), zone);
    const lastMonth = new Date(Date.UTC(year, month - 2, 1)).toISOString().slice(0, 7);
    const earlier = await report.owner.get(`/reports/responses?from=${lastMonth}&to=${lastMonth}`);
    expect(earlier.status).toBe(200);
    expect(earlier.body.clients).toEqual([]);
    expect(earlier.body.total).toMatchObject({ received: 0, breached: 0, breachRate: null, medianResponseHours: null });
    const byDefault = await report.owner.get("/reports/responses");
    expect(byDefault.body.to).toBe(thisMonth());
    expect(byDefault.body.total.received).toBe(5);
  });

  it("refuses a range that runs backwards or months that are not months", async () => {
    const backwards = await report.owner.get("/reports/responses?from=2026-05&to=2026-01");
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.fields)).toEqual(["from"]);
    const nonsense = await report.owner.get("/reports/responses?from=2026-13");
    expect(nonsense.status).toBe(400);
    expect(Object.keys(nonsense.body.error.fields)).toEqual(["from"]);
  });

  it("is the owner's alone, and each agency's own", async () => {
    expect((await report.sub.get("/reports/responses")).status).toBe(403);
    expect([403, 404]).toContain((await report.contact.get("/reports/responses")).status);
    // The first agency's owner sees the first agency's requests only.
    const other = await world.owner.get(`/reports/responses?from=${thisMonth()}&to=${thisMonth()}`);
    expect(other.status).toBe(200);
    expect(other.body.clients.map((row: { clientId: string }) => row.clientId)).not.toContain(report.ids.client);
    // Two from the hours promise's tests, two from the days promise's, two from the receipt's.
    expect(other.body.total.received).toBe(6);
  });
});
