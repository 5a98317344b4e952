import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, linkTokenFor, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

let api: Started;
let agency: Awaited<ReturnType<typeof createAgency>>;
let owner: ApiClient;

const newSub = (overrides: Record<string, unknown> = {}) => ({
  email: uniqueEmail("sub"),
  name: "Sam Sub",
  skills: ["Research", "Inbox"],
  timeZone: "Asia/Kolkata",
  weeklyCapacityHours: 25,
  ...overrides,
});

beforeAll(async () => {
  api = await startApi();
  agency = await createAgency("Team Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
});
afterAll(() => api.close());

describe("inviting subcontractors", () => {
  it("creates an invited member and emails them a link that lands them in the team app", async () => {
    const input = newSub();
    const invited = await owner.post("/members", input);
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({
      email: input.email,
      role: "subcontractor",
      status: "invited",
      skills: ["Research", "Inbox"],
      timeZone: "Asia/Kolkata",
      weeklyCapacityHours: 25,
      version: 1,
    });
    expect(invited.body.id).toMatch(/^mem_/);

    const email = await waitForEmail(input.email);
    expect(email.subject).toBe("Team Agency invited you to their team");
    expect(email.body.text).toContain("Hi Sam Sub");

    const sub = new ApiClient(api.baseUrl);
    const verified = await sub.post("/auth/verify", { token: await linkTokenFor(input.email) });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ kind: "member", role: "subcontractor", id: invited.body.id });

    const after = await owner.get(`/members/${invited.body.id}`);
    expect(after.body.status).toBe("active");
  });

  it("refuses a second account for the same email, case-insensitively", async () => {
    const input = newSub();
    expect((await owner.post("/members", input)).status).toBe(201);
    const again = await owner.post("/members", { ...input, email: input.email.toUpperCase() });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: "member.exists", fields: { email: expect.any(String) } });
  });

  it("refuses the owner's own address", async () => {
    const reply = await owner.post("/members", newSub({ email: agency.ownerEmail }));
    expect(reply.status).toBe(409);
  });

  it("resends an invitation while it is pending, and not after joining", async () => {
    const input = newSub();
    const invited = await owner.post("/members", input);
    const resent = await owner.post(`/members/${invited.body.id}/invite`);
    expect(resent.status).toBe(202);
    const sub = new ApiClient(api.baseUrl);
    await sub.post("/auth/verify", { token: await linkTokenFor(input.email) });
    const late = await owner.post(`/members/${invited.body.id}/invite`);
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("member.not_invited");
  });
});

describe("listing and editing the team", () => {
  it("pages through members with a cursor", async () => {
    const fresh = await createAgency("Paging Agency");
    const pager = new ApiClient(api.baseUrl);
    await signIn(pager, fresh.ownerEmail);
    for (let i = 0; i < 4; i++) expect((await pager.post("/members", newSub({ name: `Member ${i}` }))).status).toBe(201);

    const first = await pager.get("/members?limit=2");
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.cursor).toEqual(expect.any(String));
    const seen = [...first.body.items];
    let cursor = first.body.cursor;
    while (cursor) {
      const page = await pager.get(`/members?limit=2&cursor=${encodeURIComponent(cursor)}`);
      seen.push(...page.body.items);
      cursor = page.body.cursor;
    }
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((m) => m.id)).size).toBe(5);
  });

  it("updates skills, capacity and time zone when the version matches", async () => {
    const invited = await owner.post("/members", newSub());
    const updated = await owner.patch(`/members/${invited.body.id}`, {
      version: 1,
      skills: ["Design", "design", "Copywriting"],
      weeklyCapacityHours: 32.5,
      timeZone: "Europe/Athens",
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ skills: ["Design", "Copywriting"], weeklyCapacityHours: 32.5, timeZone: "Europe/Athens", version: 2 });
  });

  it("answers a stale version with 409 and the current member, losing nothing", async () => {
    const invited = await owner.post("/members", newSub());
    const id = invited.body.id;
    expect((await owner.patch(`/members/${id}`, { version: 1, name: "First Writer" })).status).toBe(200);
    const stale = await owner.patch(`/members/${id}`, { version: 1, name: "Second Writer" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.current).toMatchObject({ id, name: "First Writer", version: 2 });
  });

  it("lets exactly one of many concurrent edits of the same version win", async () => {
    const invited = await owner.post("/members", newSub());
    const replies = await Promise.all(
      Array.from({ length: 10 }, (_, i) => owner.patch(`/members/${invited.body.id}`, { version: 1, weeklyCapacityHours: i })),
    );
    expect(replies.filter((r) => r.status === 200)).toHaveLength(1);
    expect(replies.filter((r) => r.status === 409)).toHaveLength(9);
    const final = await owner.get(`/members/${invited.body.id}`);
    expect(final.body.version).toBe(2);
  });

  it("removes a subcontractor, which ends their access at once", async () => {
    const input = newSub();
    const invited = await owner.post("/members", input);
    const sub = new ApiClient(api.baseUrl);
    await sub.post("/auth/verify", { token: await linkTokenFor(input.email) });
    expect((await sub.get("/me")).status).toBe(200);

    const removed = await owner.delete(`/members/${invited.body.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.status).toBe("removed");
    expect((await sub.get("/me")).status).toBe(401);

    // The address is free again.
    expect((await owner.post("/members", input)).status).toBe(201);
  });

  it("does not let the owner remove themselves", async () => {
    const reply = await owner.delete(`/members/${agency.ownerId}`);
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("member.cannot_remove_self");
  });

  it("records invitations and edits in the audit log", async () => {
    const invited = await owner.post("/members", newSub());
    await owner.patch(`/members/${invited.body.id}`, { version: 1, name: "Renamed" });
    const log = await owner.get("/audit?limit=50");
    expect(log.status).toBe(200);
    const actions = log.body.items.filter((e: any) => e.subject.id === invited.body.id).map((e: any) => e.action);
    expect(actions).toEqual(["member.updated", "member.invited"]);
    expect(log.body.items[0].actor).toEqual({ type: "member", id: agency.ownerId });
  });
});

describe("who may manage the team", () => {
  let sub: ApiClient;
  let subId: string;

  beforeAll(async () => {
    const input = newSub();
    subId = (await owner.post("/members", input)).body.id;
    sub = new ApiClient(api.baseUrl);
    await sub.post("/auth/verify", { token: await linkTokenFor(input.email) });
  });

  it("forbids subcontractors from listing, inviting, editing or removing members", async () => {
    expect((await sub.get("/members")).status).toBe(403);
    expect((await sub.post("/members", newSub())).status).toBe(403);
    expect((await sub.patch(`/members/${subId}`, { version: 1, weeklyCapacityHours: 80 })).status).toBe(403);
    expect((await sub.delete(`/members/${agency.ownerId}`)).status).toBe(403);
    expect((await sub.get("/audit")).status).toBe(403);
  });

  it("asks anonymous callers to sign in", async () => {
    const anonymous = new ApiClient(api.baseUrl);
    const reply = await anonymous.get("/members");
    expect(reply.status).toBe(401);
    expect(reply.body.error.code).toBe("unauthenticated");
  });

  it("hides another agency's members behind 404", async () => {
    const other = await createAgency("Other Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    expect((await otherOwner.get(`/members/${subId}`)).status).toBe(404);
    expect((await otherOwner.patch(`/members/${subId}`, { version: 1, name: "Hijack" })).status).toBe(404);
    expect((await otherOwner.delete(`/members/${subId}`)).status).toBe(404);
    expect((await otherOwner.post(`/members/${subId}/invite`)).status).toBe(404);
    const list = await otherOwner.get("/members");
    expect(list.body.items.map((m: any) => m.id)).toEqual([other.ownerId]);
    expect((await owner.get(`/members/${subId}`)).body.name).toBe("Sam Sub");
  });
});
