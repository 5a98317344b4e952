import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { withActor } from "@baton/core/actor";
import { HourBank } from "@baton/core/hour-bank";
import { monthOf, monthsToUtc } from "@baton/kernel/dates";
import { emailsTo } from "@baton/local/mailbox";
import { startApi, waitForEmail, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// Hour-bank alerts and overage consent over HTTP: the 75/90/100 % emails read from the SES
// emulator (each once per period; several crossed at once send the highest only), the period
// boundary in the client's zone, and the signed consent link (forged 404, expired 410, reused 409,
// two approvals racing write one entry). After every step the balance is the sum of the entries.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Alerts Agency");
});
afterAll(() => api.close());

const agencyId = () => world.agency.agencyId;
let codes = 0;

async function retainerClient(name: string, timeZone: string, includedMinutes: number, billingEmail: string) {
  const created = await world.owner.post("/clients", { name, code: `AL${++codes}${Math.floor(Math.random() * 1000)}`, timeZone, currency: "USD", status: "active" });
  expect(created.status).toBe(201);
  const saved = await world.owner.patch(`/clients/${created.body.id}`, {
    version: created.body.version,
    billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes } },
    invoiceTo: { emails: [billingEmail] },
  });
  expect(saved.status).toBe(200);
  return created.body.id as string;
}

/** Time logged at the start of the client's current month (never in the future). */
async function logThisMonth(clientId: string, timeZone: string, minutes: number) {
  const { start } = monthsToUtc(monthOf(new Date(), timeZone), monthOf(new Date(), timeZone), timeZone);
  const logged = await world.owner.post("/time", { clientId, startedAt: new Date(Date.parse(start) + 60_000).toISOString(), minutes, billable: true });
  expect(logged.status).toBe(201);
}

/** The owner's view (which refreshes the used minutes, as the job does), checked: balance = sum of entries. */
async function bank(clientId: string) {
  const read = await world.owner.get(`/hour-bank/clients/${clientId}`);
  expect(read.status).toBe(200);
  expect(read.body.balanceMinutes).toBe(read.body.entries.reduce((total: number, entry: any) => total + entry.minutes, 0));
  return read.body;
}

const subjects = async (address: string) => (await emailsTo(inject("sesEndpoint"), address)).map((email) => email.subject);
const count = async (address: string, pattern: RegExp) => (await subjects(address)).filter((subject) => pattern.test(subject)).length;

describe("threshold alerts", () => {
  it("emails the client's people (in their language) and the owner once per threshold per period", async () => {
    const billing = uniqueEmail("billing");
    const clientId = await retainerClient("Threshold Co", "America/New_York", 600, billing);
    const owner = world.agency.ownerEmail;

    await logThisMonth(clientId, "America/New_York", 450);
    await bank(clientId);
    const alert = await waitForEmail(billing, (email) => /75 % of your retainer hours/.test(email.subject));
    // The time in the one duration format: 450 of 600 minutes.
    expect(alert.body.text).toMatch(/As of .+, 7 h 30 min of the 10 h of \S+ \d{4} are used \(75 %\)\./);
    const ownerAlert = await waitForEmail(owner, (email) => /Threshold Co has used 75 %/.test(email.subject));
    expect(ownerAlert.body.text).toMatch(/Threshold Co has used 7 h 30 min of the 10 h of /);

    // More hours (76 % → 68 %), then past 75 % again: the same threshold, the same period, no email.
    const added = await world.owner.post(`/hour-bank/clients/${clientId}/adjustments`, { minutes: 60, reason: "Goodwill" });
    expect(added.status).toBe(200);
    await logThisMonth(clientId, "America/New_York", 60);
    await bank(clientId);
    await bank(clientId);
    // 600 of 660 minutes: past 90 %. Its email arriving means any second 75 % one would have too.
    await logThisMonth(clientId, "America/New_York", 90);
    await bank(clientId);
    await waitForEmail(billing, (email) => /90 % of your retainer hours/.test(email.subject));
    await waitForEmail(owner, (email) => /Threshold Co has used 90 %/.test(email.subject));
    expect(await count(billing, /75 %/)).toBe(1);
    expect(await count(owner, /Threshold Co has used 75 %/)).toBe(1);

    // Past 100 % under the default policy (bill): the "used up" email, once.
    await logThisMonth(clientId, "America/New_York", 90);
    const over = await bank(clientId);
    expect(over.overage).toEqual({ mode: "bill" });
    expect(over.overageState).toBe("ok");
    await waitForEmail(billing, (email) => /are used up$/.test(email.subject));
    await waitForEmail(owner, (email) => /Threshold Co has used all its hours/.test(email.subject));
    await bank(clientId);
    expect(await count(billing, /% of your retainer hours/)).toBe(2);
    expect(await count(owner, /Threshold Co has used/)).toBe(3);
  });

  it("sends only the highest of several thresholds crossed at once, and the lower ones never later", async () => {
    const billing = uniqueEmail("jump");
    const clientId = await retainerClient("Jump Co", "Europe/London", 600, billing);
    await logThisMonth(clientId, "Europe/London", 570);
    await bank(clientId);
    await waitForEmail(billing, (email) => /90 % of your retainer hours/.test(email.subject));
    await logThisMonth(clientId, "Europe/London", 60);
    await bank(clientId);
    await waitForEmail(billing, (email) => /are used up$/.test(email.subject));
    expect(await count(billing, /75 %/)).toBe(0);
    expect(await count(billing, /90 %/)).toBe(1);
  });

  it("writes in the reader's language and zone", async () => {
    const greek = await world.contact.patch("/me", { locale: "el" });
    expect(greek.status).toBe(200);
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const saved = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 120 } } });
    expect(saved.status).toBe(200);
    await logThisMonth(world.ids.client, "America/New_York", 100);
    await bank(world.ids.client);
    const email = await waitForEmail(world.people.contact.email, (each) => /Χρησιμοποιήθηκε το 75 %/.test(each.subject));
    expect(email.body.text).toMatch(/Έως .+, χρησιμοποιήθηκαν 1 ώρ\. 40 λεπ\. από 2 ώρ\. του μήνα /);
  });

  it("counts the month in the client's zone: the same UTC instant alerts November in Sydney and October in New York", async () => {
    const sydneyMail = uniqueEmail("sydney");
    const newYorkMail = uniqueEmail("newyork");
    const sydney = await retainerClient("Sydney Co", "Australia/Sydney", 600, sydneyMail);
    const newYork = await retainerClient("New York Co", "America/New_York", 600, newYorkMail);
    for (const clientId of [sydney, newYork]) {
      // The bank opens at that instant (November in Sydney, October in New York); the owner's time
      // is approved as it is logged, and its use (with the alert) lands in the client's month.
      await withActor({ type: "system", agencyId: agencyId() }, () => HourBank.settleClient(clientId, new Date("2026-10-31T23:00:00.000Z")));
      const logged = await world.owner.post("/time", { clientId, startedAt: "2026-10-31T14:00:00.000Z", minutes: 480, billable: true });
      expect(logged.status).toBe(201);
    }
    expect((await waitForEmail(sydneyMail, (email) => /75 %/.test(email.subject))).subject).toContain("November 2026");
    expect((await waitForEmail(newYorkMail, (email) => /75 %/.test(email.subject))).subject).toContain("October 2026");
    await bank(sydney);
    await bank(newYork);
  });
});

describe("overage consent", () => {
  async function askingClient(name: string) {
    const billing = uniqueEmail("ask");
    const clientId = await retainerClient(name, "America/New_York", 60, billing);
    const policy = await world.owner.patch(`/hour-bank/clients/${clientId}/overage`, { overage: { mode: "ask", askMinutes: 120 } });
    expect(policy.status).toBe(200);
    expect(policy.body).toEqual({ overage: { mode: "ask", askMinutes: 120 }, overageSource: "client" });
    await logThisMonth(clientId, "America/New_York", 60);
    const view = await bank(clientId);
    expect(view.overageState).toBe("askFirst");
    // Beside its own rule, the view names the agency's (the client's page offers it as the alternative).
    expect(view.agencyOverage).toEqual((await world.owner.get("/hour-bank/overage")).body.overage);
    expect(view.usage).toEqual({ availableMinutes: 60, usedMinutes: 60, headroomMinutes: 0 });
    const email = await waitForEmail(billing, (each) => /approve more\?$/.test(each.subject));
    const link = /(https?:\/\/\S+\/hours\/approve\/\S+)/.exec(email.body.text ?? "")![1]!;
    return { clientId, token: decodeURIComponent(new URL(link).pathname.split("/").pop()!) };
  }

  it("a signed link approves more hours once: forged 404, over the most 400, reused 409, and two at once write one entry", async () => {
    const { clientId, token } = await askingClient("Ask Co");
    const page = await world.owner.get(`/hour-bank/consent/${token}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ client: "Ask Co", maxMinutes: 120, availableMinutes: 60, usedMinutes: 60 });

    const forged = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    expect((await world.owner.get(`/hour-bank/consent/${forged}`)).status).toBe(404);
    expect((await world.owner.post("/hour-bank/consent", { token: forged, fullName: "Bea Billing", minutes: 60 })).status).toBe(404);

    const tooMany = await world.owner.post("/hour-bank/consent", { token, fullName: "Bea Billing", minutes: 121 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.minutes).toBe("Approve at most 2 hours at once.");

    const racing = await Promise.all([1, 2].map(() => world.owner.post("/hour-bank/consent", { token, fullName: "Bea Billing", minutes: 90 })));
    expect(racing.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const done = racing.find((reply) => reply.status === 200)!.body;
    expect(done).toMatchObject({ minutes: 90, fullName: "Bea Billing", availableMinutes: 150, usedMinutes: 60 });
    expect(done.sha256).toMatch(/^[0-9a-f]{64}$/);

    const reused = await world.owner.post("/hour-bank/consent", { token, fullName: "Bea Billing", minutes: 30 });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe("hour_bank.consent_used");
    expect((await world.owner.get(`/hour-bank/consent/${token}`)).status).toBe(409);

    const after = await bank(clientId);
    const approved = after.entries.filter((entry: any) => entry.kind === "adjusted");
    expect(approved).toHaveLength(1);
    expect(approved[0]).toMatchObject({ minutes: 90, reason: "overage approved by Bea Billing" });
    expect(after.overageState).toBe("ok");
    expect(after.usage.headroomMinutes).toBe(90);
  });

  it("an expired link answers 410, and so does one for a month that is over", async () => {
    const { clientId } = await askingClient("Late Co");
    const period = monthOf(new Date(), "America/New_York");
    const expired = HourBank.signConsent(agencyId(), clientId, period, new Date(Date.now() - 1000));
    expect((await world.owner.get(`/hour-bank/consent/${expired}`)).status).toBe(410);
    expect((await world.owner.post("/hour-bank/consent", { token: expired, fullName: "Bea Billing", minutes: 30 })).status).toBe(410);
    const lastYear = HourBank.signConsent(agencyId(), clientId, `${Number(period.slice(0, 4)) - 1}${period.slice(4)}`, new Date(Date.now() + 86_400_000));
    const over = await world.owner.post("/hour-bank/consent", { token: lastYear, fullName: "Bea Billing", minutes: 30 });
    expect(over.status).toBe(410);
    expect(over.body.error.code).toBe("hour_bank.period_over");
    expect((await bank(clientId)).entries.filter((entry: any) => entry.kind === "adjusted")).toHaveLength(0);
  });

  it("the portal approves more hours too: two approvals sent at once write one entry; none while the agency bills overage", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { hourlyRate: 5000, retainer: { fee: 100000, includedMinutes: 120 } } });
    await world.owner.patch(`/hour-bank/clients/${world.ids.client}/overage`, { overage: null });
    const refused = await world.contact.post("/portal/hours/consent", { fullName: "Ada Client", minutes: 60, availableMinutes: 120 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("hour_bank.not_asking");

    const set = await world.owner.patch("/hour-bank/overage", { mode: "ask", askMinutes: 180 });
    expect(set.status).toBe(200);
    expect((await world.owner.get("/hour-bank/overage")).body).toEqual({ overage: { mode: "ask", askMinutes: 180 } });
    const before = await bank(world.ids.client);
    expect(before.overageSource).toBe("agency");

    const shown = before.usage.availableMinutes;
    const racing = await Promise.all([1, 2].map(() => world.contact.post("/portal/hours/consent", { fullName: "Ada Client", minutes: 60, locale: "el", availableMinutes: shown })));
    expect(racing.map((reply) => reply.status).sort()).toEqual([200, 409]);
    const mine = await world.contact.get("/portal/hours");
    expect(mine.status).toBe(200);
    expect(mine.body.entries.filter((entry: any) => entry.kind === "adjusted" && entry.reason === "overage approved by Ada Client")).toHaveLength(1);
    // Sent from the page as it was before: looked at again first.
    const stale = await world.contact.post("/portal/hours/consent", { fullName: "Ada Client", minutes: 30, availableMinutes: shown });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("hour_bank.consent_raced");
    const again = await world.contact.post("/portal/hours/consent", { fullName: "Ada Client", minutes: 30, availableMinutes: shown + 60 });
    expect(again.status).toBe(200);
    const after = await bank(world.ids.client);
    expect(after.usage.availableMinutes).toBe(before.usage.availableMinutes + 90);
    await world.owner.patch("/hour-bank/overage", { mode: "bill" });
  });
});
