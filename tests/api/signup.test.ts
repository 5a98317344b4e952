import { request as httpRequest } from "node:http";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { emailsTo, type CapturedEmail } from "@baton/local/mailbox";
import { ApiClient, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

// Self-serve sign-up over HTTP, as the team app calls it. The mode is read from the environment
// on every request (Config.signupMode), so each block sets BATON_SIGNUP_MODE for the one server
// this file starts and puts it back after. Requests come from their own loopback addresses (all
// of 127.0.0.0/8 is this machine), so one test's per-IP count never limits another's.

let api: Started;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());
afterEach(() => {
  process.env.BATON_SIGNUP_MODE = "open";
  delete process.env.BATON_SIGNUP_INVITE_CODE;
});

const setMode = (mode: "open" | "invite" | "closed", code?: string) => {
  process.env.BATON_SIGNUP_MODE = mode;
  if (code) process.env.BATON_SIGNUP_INVITE_CODE = code;
};

let hosts = 0;
/** A loopback address no other test in this file uses. */
const freshIp = () => `127.0.3.${++hosts}`;

/** POST /api/signup/start from `localAddress`; waits for the deferred email job before answering. */
function start(localAddress: string, body: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const url = new URL(`${api.baseUrl}/api/signup/start`);
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, headers: { "content-type": "application/json", "x-baton-app": "web", "content-length": Buffer.byteLength(text) } },
      (res) => {
        let data = "";
        res.on("data", (chunk) => (data += chunk));
        res.on("end", async () => {
          await Deferred.settled();
          resolve({ status: res.statusCode!, body: JSON.parse(data) });
        });
      },
    );
    req.on("error", reject);
    req.end(text);
  });
}

const signupLinkIn = (email: CapturedEmail) => /(https?:\/\/\S+\/sign-up\/details\?token=\S+)/.exec(email.body.text ?? "")?.[1];

/** The token of the newest sign-up link emailed to `address`. */
async function signupToken(address: string): Promise<string> {
  const email = await waitForEmail(address, (e) => Boolean(signupLinkIn(e)));
  return decodeURIComponent(new URL(signupLinkIn(email)!).searchParams.get("token")!);
}

const details = (token: string, extra: Record<string, unknown> = {}) => ({
  token,
  agencyName: "Harbour Assistants",
  ownerName: "Hana Harbour",
  timeZone: "Asia/Tokyo",
  currency: "JPY",
  ...extra,
});

/** A new agency made through sign-up; its owner is signed in on the client returned. */
async function signUp(extra: Record<string, unknown> = {}) {
  const email = uniqueEmail("founder");
  expect((await start(freshIp(), { email })).status).toBe(202);
  const owner = new ApiClient(api.baseUrl);
  const done = await owner.post("/signup/complete", details(await signupToken(email), extra));
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return { email, owner, me: done.body };
}

describe("in open mode (npm start's)", () => {
  it("says so, so the sign-in page links to it", async () => {
    expect((await new ApiClient(api.baseUrl).get("/signup")).body).toEqual({ mode: "open" });
  });

  it("emails a verification link, and the link makes the agency and signs its owner in", async () => {
    const email = uniqueEmail("founder");
    const asked = await start(freshIp(), { email, locale: "el" });
    expect(asked).toEqual({ status: 202, body: { ok: true } });
    const mail = await waitForEmail(email);
    expect(mail.subject).toBe("Επιβεβαιώστε το email σας για να δημιουργήσετε το γραφείο σας");
    const token = await signupToken(email);

    const visitor = new ApiClient(api.baseUrl);
    // Opening the page reads the link without using it.
    expect((await visitor.post("/signup/check", { token })).body).toEqual({ email });
    expect((await visitor.post("/signup/check", { token })).status).toBe(200);

    const done = await visitor.post("/signup/complete", details(token, { workingWeek: { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "14:00" } }));
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ kind: "member", email, name: "Hana Harbour", role: "owner", locale: "el" });
    expect(visitor.cookieNames()).toContain("baton_web");
    const agency = await visitor.get("/agency");
    expect(agency.body).toMatchObject({ name: "Harbour Assistants", timeZone: "Asia/Tokyo", currency: "JPY", workingWeek: { days: [1, 2, 3, 4, 5, 6], start: "08:00", end: "14:00" } });

    // The owner signs in again later like anyone else.
    const later = new ApiClient(api.baseUrl);
    expect((await signIn(later, email)).status).toBe(200);
  });

  it("uses the standard working week when none is sent", async () => {
    const { owner } = await signUp();
    expect((await owner.get("/agency")).body.workingWeek).toMatchObject({ days: [1, 2, 3, 4, 5], start: "09:00", end: "17:00" });
  });

  it("refuses a link used once already, and says so on the token field", async () => {
    const email = uniqueEmail("twice");
    await start(freshIp(), { email });
    const token = await signupToken(email);
    expect((await new ApiClient(api.baseUrl).post("/signup/complete", details(token))).status).toBe(200);
    for (const reply of [await new ApiClient(api.baseUrl).post("/signup/complete", details(token)), await new ApiClient(api.baseUrl).post("/signup/check", { token })]) {
      expect(reply.status).toBe(410);
      expect(reply.body.error.code).toBe("signup.link_used");
      expect(reply.body.error.fields.token).toMatch(/already been used/);
    }
  });

  it("makes one agency when the same link is completed twice at once", async () => {
    const email = uniqueEmail("race");
    await start(freshIp(), { email });
    const token = await signupToken(email);
    const replies = await Promise.all([0, 1, 2].map(() => new ApiClient(api.baseUrl).post("/signup/complete", details(token))));
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    // The others were too late: the link was used (410), or its transaction lost the race (409).
    expect(replies.filter((r) => r.status !== 200).every((r) => [409, 410].includes(r.status))).toBe(true);
    expect(replies.every((r) => r.status < 500)).toBe(true);
  });

  it("refuses an expired link and a link that was never sent", async () => {
    const { db } = await import("@baton/core/db");
    const { sha256 } = await import("../../packages/core/src/auth/tokens.ts");
    const secret = "e".repeat(43);
    await db.entities.signupLink.create({ tokenHash: sha256(secret), email: uniqueEmail("late"), locale: "en", expiresAt: Math.floor(Date.now() / 1000) - 1 }).go();
    const expired = await new ApiClient(api.baseUrl).post("/signup/complete", details(`su.${secret}`));
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe("signup.link_expired");
    const unknown = await new ApiClient(api.baseUrl).post("/signup/complete", details(`su.${"u".repeat(43)}`));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toMatchObject({ code: "signup.link_invalid", fields: { token: expect.any(String) } });
  });
});

describe("bad input", () => {
  it("names each wrong field of step 2 and creates nothing", async () => {
    const email = uniqueEmail("typo");
    await start(freshIp(), { email });
    const token = await signupToken(email);
    const client = new ApiClient(api.baseUrl);
    const cases: [Record<string, unknown>, string][] = [
      [{ timeZone: "Mars/Olympus" }, "timeZone"],
      [{ currency: "XYZ1" }, "currency"],
      [{ currency: "EURO" }, "currency"],
      [{ agencyName: "Harbour\u0000Assistants" }, "agencyName"],
      [{ agencyName: "Line\nbreak" }, "agencyName"],
      [{ agencyName: "x".repeat(121) }, "agencyName"],
      [{ agencyName: "   " }, "agencyName"],
      [{ ownerName: "" }, "ownerName"],
      [{ workingWeek: { days: [1], start: "09:00", end: "09:30" } }, "workingWeek.end"],
    ];
    for (const [extra, field] of cases) {
      const reply = await client.post("/signup/complete", details(token, extra));
      expect(reply.status, JSON.stringify(extra)).toBe(400);
      expect(Object.keys(reply.body.error.fields), JSON.stringify(extra)).toContain(field);
    }
    // None of that used the link.
    expect((await client.post("/signup/complete", details(token))).status).toBe(200);
  });

  it("refuses an invalid address in step 1", async () => {
    const reply = await start(freshIp(), { email: "not an address" });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields.email).toEqual(expect.any(String));
  });

  it("refuses a disposable-looking address neutrally, and sends it nothing", async () => {
    for (const email of [`x${Date.now()}@mailinator.com`, `y${Date.now()}@eu.yopmail.com`]) {
      const reply = await start(freshIp(), { email });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ code: "signup.email_refused", fields: { email: "This address can't be used to create an agency. Please use a permanent address." } });
      expect(await emailsTo(inject("sesEndpoint"), email)).toEqual([]);
    }
  });
});

describe("existence is never revealed", () => {
  it("answers an address with an account exactly like a new one, and emails it a pointer to sign in instead", async () => {
    const existing = await createAgency("Existing Agency");
    const fresh = uniqueEmail("fresh");
    const ip = freshIp();
    const a = await start(ip, { email: existing.ownerEmail });
    const b = await start(ip, { email: fresh });
    expect(a).toEqual(b);
    expect(a.status).toBe(202);

    const pointer = await waitForEmail(existing.ownerEmail, (e) => e.subject === "You already have an account");
    expect(pointer.body.text).toContain(`${api.baseUrl}/sign-in`);
    expect(signupLinkIn(pointer)).toBeUndefined();
    expect(signupLinkIn(await waitForEmail(fresh))).toBeDefined();
  });

  it("won't make a second owner of an address that joined a team after asking", async () => {
    const email = uniqueEmail("joined");
    await start(freshIp(), { email });
    const token = await signupToken(email);
    const agency = await createAgency("Hiring Agency");
    const hirer = new ApiClient(api.baseUrl);
    await signIn(hirer, agency.ownerEmail);
    await hirer.post("/members", { email, name: "New Hire", timeZone: "UTC", weeklyCapacityHours: 10 });
    const reply = await new ApiClient(api.baseUrl).post("/signup/complete", details(token));
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("signup.account_exists");
  });
});

describe("in invite mode", () => {
  it("says so, and asks for the operator's code before anything else about the address", async () => {
    setMode("invite", "harbour-2027");
    expect((await new ApiClient(api.baseUrl).get("/signup")).body).toEqual({ mode: "invite" });
    const email = uniqueEmail("invited");
    const ip = freshIp();

    const missing = await start(ip, { email });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields).toEqual({ inviteCode: "Enter your invite code." });
    const wrong = await start(ip, { email, inviteCode: "harbour-2026" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "signup.invite_invalid", fields: { inviteCode: expect.any(String) } });
    expect(await emailsTo(inject("sesEndpoint"), email)).toEqual([]);

    expect((await start(ip, { email, inviteCode: " harbour-2027 " })).status).toBe(202);
    expect(await signupToken(email)).toMatch(/^su\./);
  });

  it("takes no code at all when the operator set none", async () => {
    setMode("invite");
    const reply = await start(freshIp(), { email: uniqueEmail("nocode"), inviteCode: "anything" });
    expect(reply.body.error.code).toBe("signup.invite_invalid");
  });

  it("counts wrong codes against the network's limit, so codes can't be guessed quickly", async () => {
    setMode("invite", "right-code");
    const ip = freshIp();
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await start(ip, { email: uniqueEmail("guess"), inviteCode: `guess-${i}` })).status);
    expect(statuses.slice(0, 10).every((s) => s === 400)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe("in closed mode (the default on AWS)", () => {
  it("says so and refuses every step with signup.closed, even with a link sent while it was open", async () => {
    const email = uniqueEmail("closing");
    await start(freshIp(), { email });
    const token = await signupToken(email);
    setMode("closed");
    const client = new ApiClient(api.baseUrl);
    expect((await client.get("/signup")).body).toEqual({ mode: "closed" });
    for (const reply of [await start(freshIp(), { email: uniqueEmail("late") }), await client.post("/signup/check", { token }), await client.post("/signup/complete", details(token))]) {
      expect(reply.status).toBe(403);
      expect(reply.body.error.code).toBe("signup.closed");
    }
  });

  it("is the mode when none is set", async () => {
    delete process.env.BATON_SIGNUP_MODE;
    expect((await new ApiClient(api.baseUrl).get("/signup")).body).toEqual({ mode: "closed" });
  });
});

describe("the rate limits", () => {
  it("refuse a network over its limit before charging any email's counter", async () => {
    const flood = freshIp();
    for (let i = 0; i < 10; i++) expect((await start(flood, { email: uniqueEmail("spray") })).status).toBe(202);
    const victim = uniqueEmail("victim");
    for (let i = 0; i < 4; i++) expect((await start(flood, { email: victim })).status).toBe(429);
    // None of those counted against the victim's own address.
    expect((await start(freshIp(), { email: victim })).status).toBe(202);
  });

  it("limit one address per network tightly, and across networks loosely", async () => {
    const email = uniqueEmail("flooded");
    const one = freshIp();
    const first = [];
    for (let i = 0; i < 4; i++) first.push((await start(one, { email })).status);
    expect(first).toEqual([202, 202, 202, 429]);
    const others = [];
    for (const ip of [freshIp(), freshIp()]) for (let i = 0; i < 3; i++) others.push((await start(ip, { email })).status);
    expect(others).toEqual([202, 202, 202, 429, 429, 429]);
    const limited = await start(freshIp(), { email });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/Too many sign-up requests/);
  });
});

describe("the new agency", () => {
  it("is its own: empty, and walled off from other agencies both ways", async () => {
    const { owner } = await signUp();
    expect((await owner.get("/clients")).body.items).toEqual([]);
    expect((await owner.get("/requests")).body.items).toEqual([]);
    expect((await owner.get("/members")).body.items).toHaveLength(1);

    const other = await createAgency("Neighbour Agency");
    const neighbour = new ApiClient(api.baseUrl);
    await signIn(neighbour, other.ownerEmail);
    const theirs = await neighbour.post("/clients", { name: "Theirs", code: "THEIRS", timeZone: "UTC", currency: "EUR" });
    const ours = await owner.post("/clients", { name: "Ours", code: "THEIRS", timeZone: "UTC", currency: "EUR" });
    // The same client code is free in each agency.
    expect(ours.status).toBe(201);
    expect((await owner.get(`/clients/${theirs.body.id}`)).status).toBe(404);
    expect((await neighbour.get(`/clients/${ours.body.id}`)).status).toBe(404);
    expect((await neighbour.get("/clients")).body.items.map((c: any) => c.id)).toEqual([theirs.body.id]);
  });

  it("has a first-run checklist whose items tick themselves from the data, and can be put away", async () => {
    const { owner } = await signUp();
    const state = async () => Object.fromEntries((await owner.get("/first-run")).body.steps.map((item: any) => [item.key, item.done]));
    expect(await state()).toEqual({ team: false, client: false, sop: false, payment: false });
    expect((await owner.get("/first-run")).body).toMatchObject({ done: false, dismissed: false });

    await owner.post("/clients", { name: "First Client", code: "FIRST", timeZone: "UTC", currency: "JPY" });
    expect(await state()).toEqual({ team: false, client: true, sop: false, payment: false });
    await owner.post("/members", { email: uniqueEmail("va"), name: "Vera Assistant", timeZone: "UTC", weeklyCapacityHours: 20 });
    await owner.post("/sops", { title: "Inbox zero", category: "Email", body: "Every morning." });
    const agency = await owner.get("/agency");
    await owner.patch("/agency", { version: agency.body.version, paymentInstructions: "Bank transfer to JP00 1234" });
    expect(await state()).toEqual({ team: true, client: true, sop: true, payment: true });
    expect((await owner.get("/first-run")).body.done).toBe(true);

    const dismissed = await owner.post("/first-run/dismiss");
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.dismissed).toBe(true);
    expect((await owner.get("/first-run")).body.dismissed).toBe(true);
  });
});
