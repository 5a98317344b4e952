import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { db } from "@baton/core/db";
import { Deferred } from "@baton/core/deferred";
import { Email } from "@baton/core/email";
import { emailsTo } from "@baton/local/mailbox";
import { freePort } from "@baton/local/stand-ins";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";

// Faults: the SES emulator unreachable (a port nobody listens on, so the SDK's real connection
// fails). Email that can't be sent waits in the outbox and goes out once SES is back — once,
// however many job runs race for it — instead of being lost or failing the request.

let api: Started;
const sesUp = inject("sesEndpoint");
let sesDown: string;
const minutes = (n: number) => new Date(Date.now() + n * 60_000);

beforeAll(async () => {
  api = await startApi();
  sesDown = `http://127.0.0.1:${await freePort()}`;
});
afterAll(() => {
  process.env.SES_ENDPOINT = sesUp;
  return api.close();
});

// Every shard of the job's index (db/shard.ts), whenever due.
const waiting = async (to: string) => (await Email.waitingEmails(new Date("9999-12-31"))).filter((e) => e.to === to);

describe("SES down", () => {
  it("keeps a sign-in link in the outbox and sends it once SES is back, once", async () => {
    const agency = await createAgency("Outbox Agency");
    process.env.SES_ENDPOINT = sesDown;
    const asked = await new ApiClient(api.baseUrl).post("/auth/link", { email: agency.ownerEmail, app: "web" });
    // The request succeeds: the link is on its way, not lost.
    expect(asked.status).toBe(202);
    // The lookup and the email run after the answer (tests/api/sign-in-abuse.test.ts): let them.
    await Deferred.settled();
    const [queued] = await waiting(agency.ownerEmail);
    expect(queued).toMatchObject({ subject: "Your sign-in link for Outbox Agency", attempts: 0 });
    expect(queued!.lastError).toMatch(/ECONNREFUSED|connect/i);

    // Still down at the next run: it waits longer, still kept.
    const stillDown = await Email.flushOutbox(minutes(2));
    expect(stillDown).toMatchObject({ sent: 0, failed: 0, waiting: 1 });
    // What the backlog alarm watches: the link has waited about two minutes.
    expect(stillDown.oldestWaitingSeconds).toBeGreaterThanOrEqual(110);
    expect(stillDown.oldestWaitingSeconds).toBeLessThan(300);
    expect((await waiting(agency.ownerEmail))[0]).toMatchObject({ attempts: 1 });
    expect(await emailsTo(sesUp, agency.ownerEmail)).toHaveLength(0);

    // Back: two runs at the same moment send it exactly once.
    process.env.SES_ENDPOINT = sesUp;
    const runs = await Promise.all([Email.flushOutbox(minutes(10)), Email.flushOutbox(minutes(10))]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    const delivered = await emailsTo(sesUp, agency.ownerEmail);
    expect(delivered).toHaveLength(1);
    expect(delivered[0]!.subject).toBe("Your sign-in link for Outbox Agency");
    expect(await waiting(agency.ownerEmail)).toEqual([]);
    expect((await Email.flushOutbox(minutes(30))).sent).toBe(0);
  });

  it("gives up after eight attempts and says so, rather than retrying forever", async () => {
    const to = "nobody-home@example.com";
    process.env.SES_ENDPOINT = sesDown;
    expect(await Email.send(to, { subject: "Hello", html: "<p>Hello</p>", text: "Hello\n" })).toBe("queued");
    const outcomes = [];
    // Each run a day later than the last, past any backoff.
    for (let day = 1; day <= 8; day++) outcomes.push(await Email.flushOutbox(new Date(Date.now() + day * 86_400_000)));
    expect(outcomes.slice(0, 7).every((o) => o.waiting === 1)).toBe(true);
    expect(outcomes[7]).toEqual({ sent: 0, failed: 1, waiting: 0, oldestWaitingSeconds: 0 });
    expect(await waiting(to)).toEqual([]);
    const kept = (await db.entities.outboxEmail.scan.where((attr, op) => op.eq(attr.to, to)).go()).data;
    expect(kept[0]).toMatchObject({ pending: "no", attempts: 8 });
    expect(kept[0]!.expiresAt).toBeGreaterThan(Date.now() / 1000);
    process.env.SES_ENDPOINT = sesUp;
  });
});
