import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { DynamoDBDocumentClient, UpdateCommand } from "@aws-sdk/lib-dynamodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { Identity, IDENTITY_MAX_AGE_MS } from "@baton/core/identity";
import { ApiClient, linkTokenFor, startApi, type Started } from "../support/http.ts";
import { uniqueEmail } from "../support/fixtures.ts";
import { createWorld, type World } from "../support/world.ts";

// A warm instance keeps who is asking for at most IDENTITY_MAX_AGE_MS. A change made on this
// instance takes effect at once; one made elsewhere (another Lambda instance: here, a write with a
// client of its own, which this process doesn't see) within the bound. The cache's clock is moved
// instead of waiting.

let api: Started;
let world: World;
let now = Date.now();
// Another instance's writes: the same table, through a client this process does not watch.
const elsewhere = DynamoDBDocumentClient.from(
  new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT, region: "us-east-1", credentials: { accessKeyId: "local", secretAccessKey: "local" } }),
);

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Identity Agency");
});
afterAll(() => api.close());
afterEach(() => Identity.setClock(null));

/** Freezes the cache's clock; `later(ms)` moves it on. */
function frozenClock() {
  now = Date.now();
  Identity.setClock(() => now);
  return { later: (ms: number) => (now += ms) };
}

/** Writes a member the way another instance would (ElectroDB's own update, sent past this process's client). */
async function changeElsewhere(memberId: string, change: (patch: ReturnType<typeof db.entities.member.patch>) => { params: () => object }) {
  const params = change(db.entities.member.patch({ agencyId: world.agency.agencyId, memberId })).params();
  await elsewhere.send(new UpdateCommand(params as never));
}

async function newSubcontractor() {
  const email = uniqueEmail("cached");
  const invited = await world.owner.post("/members", { email, name: "Cai Cached", skills: [], timeZone: "UTC", weeklyCapacityHours: 10 });
  const person = new ApiClient(api.baseUrl);
  await person.post("/auth/verify", { token: await linkTokenFor(email) });
  return { id: invited.body.id as string, api: person };
}

describe("a change made on this instance", () => {
  it("removal ends access at once, though the identity was just cached", async () => {
    frozenClock();
    const sub = await newSubcontractor();
    expect((await sub.api.get("/tasks/mine")).status).toBe(200);
    expect((await world.owner.delete(`/members/${sub.id}`)).status).toBe(200);
    expect((await sub.api.get("/tasks/mine")).status).toBe(401);
  });

  it("sign-out ends the session at once, though the identity was just cached", async () => {
    frozenClock();
    const sub = await newSubcontractor();
    const copy = new ApiClient(api.baseUrl, "web", { cookie: `baton_web=${await cookieOf(sub.api)}` });
    expect((await copy.get("/tasks/mine")).status).toBe(200);
    expect((await sub.api.post("/auth/sign-out")).status).toBeLessThan(300);
    expect((await copy.get("/tasks/mine")).status).toBe(401);
  });

  it("a contact's deactivation ends their access at once", async () => {
    frozenClock();
    expect((await world.contact.get("/requests")).status).toBe(200);
    const deactivated = await world.owner.post(`/clients/${world.ids.client}/contacts/${world.ids.contact}/deactivate`);
    expect(deactivated.status).toBe(200);
    expect((await world.contact.get("/requests")).status).toBe(401);
    expect((await world.owner.post(`/clients/${world.ids.client}/contacts/${world.ids.contact}/reactivate`)).status).toBe(200);
  });
});

describe("a change made on another instance", () => {
  it("removal takes effect within the bound", async () => {
    const clock = frozenClock();
    const sub = await newSubcontractor();
    expect((await sub.api.get("/tasks/mine")).status).toBe(200);
    await changeElsewhere(sub.id, (patch) => patch.set({ status: "removed" }));
    clock.later(IDENTITY_MAX_AGE_MS - 1_000);
    expect((await sub.api.get("/tasks/mine")).status).toBe(200); // still within the bound: the stated trade-off
    clock.later(1_000);
    expect((await sub.api.get("/tasks/mine")).status).toBe(401);
  });

  it("sign-out (a new session version) takes effect within the bound", async () => {
    const clock = frozenClock();
    const sub = await newSubcontractor();
    expect((await sub.api.get("/tasks/mine")).status).toBe(200);
    await changeElsewhere(sub.id, (patch) => patch.add({ sessionVersion: 1 }));
    clock.later(IDENTITY_MAX_AGE_MS);
    expect((await sub.api.get("/tasks/mine")).status).toBe(401);
  });

  it("a changed role takes effect within the bound", async () => {
    const clock = frozenClock();
    const ownerId = (await world.owner.get("/me")).body.id as string;
    expect((await world.owner.get("/invoices")).status).toBe(200);
    await changeElsewhere(ownerId, (patch) => patch.set({ role: "subcontractor" }));
    try {
      clock.later(IDENTITY_MAX_AGE_MS);
      expect((await world.owner.get("/invoices")).status).toBe(403);
    } finally {
      await changeElsewhere(ownerId, (patch) => patch.set({ role: "owner" }));
    }
  });
});

/** The session cookie's value, to replay it from a second "device". */
async function cookieOf(client: ApiClient): Promise<string> {
  expect(client.cookieNames()).toContain("baton_web");
  return (client as unknown as { cookies: Map<string, string> }).cookies.get("baton_web")!;
}
