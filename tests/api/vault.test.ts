import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { withActor } from "@baton/core/actor";
import { db } from "@baton/core/db";
import { Deferred } from "@baton/core/deferred";
import { Vault } from "@baton/core/vault";
import { emailsTo } from "@baton/local/mailbox";
import { ApiClient, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";
import { captureOutput, type Captured } from "../support/logs.ts";
import { acceptedTask, acceptInvitation, createWorld, type World } from "../support/world.ts";

// The client vault over HTTP, as each kind of caller meets it. Everything the server logged and
// emailed while these tests ran is kept, and the last test greps it for every secret used.

let api: Started;
let world: World;
let output: Captured;
let savedLevel: string | undefined;
const secrets: string[] = [];
const addresses: string[] = [];
const secret = (label: string) => {
  const value = `${label}-${randomBytes(9).toString("base64url")}`;
  secrets.push(value);
  return value;
};
const SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
secrets.push(SEED);

let taskId: string;
let passwordEntry: { id: string; version: number };
let password: string;

beforeAll(async () => {
  // Every line the server writes, at every level, is scanned at the end.
  savedLevel = process.env.BATON_LOG_LEVEL;
  process.env.BATON_LOG_LEVEL = "debug";
  output = captureOutput();
  api = await startApi();
  world = await createWorld(api, "Vault Agency");
  const { task } = await acceptedTask(world, { title: "Inbox clean-up" });
  const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
  expect(assigned.status).toBe(200);
  taskId = task.id;
  password = secret("Gmail");
  const added = await world.contact.post("/vault", { tool: "Gmail", url: "https://mail.google.com", username: "ada@acme.example", kind: "password", secret: password, notes: "The shared inbox" });
  expect(added.status, JSON.stringify(added.body)).toBe(201);
  passwordEntry = added.body;
});

afterAll(async () => {
  output.stop();
  if (savedLevel === undefined) delete process.env.BATON_LOG_LEVEL;
  else process.env.BATON_LOG_LEVEL = savedLevel;
  await api.close();
});

const reveal = (who: ApiClient, entryId: string, body: Record<string, unknown>) => who.post(`/vault/${entryId}/reveal`, body);

describe("entries", () => {
  it("lists a client's entries to the owner and the contact, without any secret", async () => {
    const mine = await world.contact.get("/vault");
    const owners = await world.owner.get(`/vault?clientId=${world.ids.client}`);
    for (const reply of [mine, owners]) {
      expect(reply.status).toBe(200);
      expect(reply.body.items.map((item: { tool: string }) => item.tool)).toEqual(["Gmail"]);
      expect(JSON.stringify(reply.body)).not.toContain(password);
      expect(JSON.stringify(reply.body)).not.toMatch(/sealed|v1\./);
    }
    expect((await world.owner.get("/vault")).status).toBe(400);
    expect((await world.sub.get(`/vault?clientId=${world.ids.client}`)).status).toBe(403);
  });

  it("lets the contact edit, rotate and remove their entries, from the version read", async () => {
    const extra = await world.contact.post("/vault", { tool: "Canva", kind: "password", secret: secret("Canva") });
    expect(extra.status).toBe(201);
    const edited = await world.contact.patch(`/vault/${extra.body.id}`, { version: extra.body.version, username: "design@acme.example", notes: "" });
    expect(edited.status).toBe(200);
    expect(edited.body.username).toBe("design@acme.example");
    const stale = await world.contact.patch(`/vault/${extra.body.id}`, { version: extra.body.version, tool: "Old" });
    expect(stale.status).toBe(409);
    expect(JSON.stringify(stale.body)).not.toContain("Canva-");
    const next = secret("Canva2");
    const rotated = await world.contact.post(`/vault/${extra.body.id}/rotate`, { version: edited.body.version, kind: "password", secret: next });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secretChangedAt > extra.body.secretChangedAt).toBe(true);
    const shown = await reveal(world.contact, extra.body.id, {});
    expect(shown.body).toMatchObject({ kind: "password", value: next });
    expect((await world.contact.delete(`/vault/${extra.body.id}`)).status).toBe(204);
    expect((await world.contact.get("/vault")).body.items.map((item: { id: string }) => item.id)).not.toContain(extra.body.id);
  });

  it("refuses oversized, binary and malformed secrets with a 4xx that repeats none of them", async () => {
    const huge = "x".repeat(5000);
    const cases = [
      { tool: "Big", kind: "password", secret: huge },
      { tool: "Binary", kind: "password", secret: "abc\u0000def" },
      { tool: "Lines", kind: "password", secret: "one\ntwo" },
      { tool: "Seed", kind: "totp", secret: "not a seed!" },
      { tool: "", kind: "password", secret: "x" },
      { tool: "Kind", kind: "pin", secret: "1234" },
    ];
    for (const body of cases) {
      const reply = await world.contact.post("/vault", body);
      expect(reply.status, body.tool).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
      expect(JSON.stringify(reply.body)).not.toContain(body.secret.slice(0, 40));
    }
    const tooLarge = await world.contact.post("/vault", { tool: "Huge", kind: "password", secret: "y".repeat(70_000) });
    expect([400, 413]).toContain(tooLarge.status);
    expect((await world.contact.get("/vault")).body.items).toHaveLength(1);
  });

  it("refuses a binary or oversized rotation or edit with a 4xx that repeats nothing, and loses nothing", async () => {
    const kept = secret("Xero");
    const entry = await world.contact.post("/vault", { tool: "Xero", username: "books@acme.example", kind: "password", secret: kept });
    expect(entry.status).toBe(201);
    const bad = [
      ["POST", `/vault/${entry.body.id}/rotate`, { version: entry.body.version, kind: "password", secret: "abc\u0000def" }],
      ["POST", `/vault/${entry.body.id}/rotate`, { version: entry.body.version, kind: "password", secret: "z".repeat(5000) }],
      ["POST", `/vault/${entry.body.id}/rotate`, { version: entry.body.version, kind: "totp", secret: "not a seed!" }],
      ["PATCH", `/vault/${entry.body.id}`, { version: entry.body.version, notes: "bell\u0007" }],
      ["PATCH", `/vault/${entry.body.id}`, { version: entry.body.version, username: "u".repeat(201) }],
    ] as const;
    for (const [method, path, body] of bad) {
      const reply = await world.contact.request(method, path, body);
      expect(reply.status, `${method} ${JSON.stringify(body).slice(0, 60)}`).toBe(400);
      expect(reply.body.error.code).toBe("validation_failed");
      const sent = (body as { secret?: string; notes?: string; username?: string }).secret ?? (body as { notes?: string }).notes ?? (body as { username?: string }).username ?? "";
      expect(JSON.stringify(reply.body)).not.toContain(sent.slice(0, 40));
    }
    const after = (await world.contact.get("/vault")).body.items.find((item: { id: string }) => item.id === entry.body.id);
    expect(after).toMatchObject({ version: entry.body.version, username: "books@acme.example", notes: null, secretChangedAt: entry.body.secretChangedAt });
    expect((await reveal(world.contact, entry.body.id, {})).body.value).toBe(kept);
    expect((await world.contact.delete(`/vault/${entry.body.id}`)).status).toBe(204);
  });

  it("accepts recovery codes on several lines and shows a TOTP entry as its current code, never the seed", async () => {
    const codes = `${secret("code1")}\n${secret("code2")}`;
    const recovery = await world.contact.post("/vault", { tool: "GitHub codes", kind: "recovery_codes", secret: codes });
    expect(recovery.status).toBe(201);
    expect((await reveal(world.contact, recovery.body.id, {})).body.value).toBe(codes);
    const totp = await world.contact.post("/vault", { tool: "GitHub 2FA", kind: "totp", secret: SEED.toLowerCase().replace(/(.{4})/g, "$1 ") });
    expect(totp.status).toBe(201);
    const shown = await reveal(world.owner, totp.body.id, { reason: "Sign in for the newsletter" });
    expect(shown.status).toBe(200);
    expect(shown.body.code).toMatch(/^\d{6}$/);
    expect(shown.body.secondsLeft).toBeGreaterThan(0);
    expect(JSON.stringify(shown.body)).not.toContain(SEED);
    expect(JSON.stringify(shown.body).toUpperCase()).not.toContain(SEED);
  });
});

describe("who may see a secret", () => {
  it("asks the owner for a reason, then shows it and puts it on the client's access log", async () => {
    const bare = await reveal(world.owner, passwordEntry.id, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields.reason).toBeTruthy();
    const shown = await reveal(world.owner, passwordEntry.id, { reason: "Set up the filters" });
    expect(shown.status).toBe(200);
    expect(shown.body).toEqual({ kind: "password", value: password, entryId: passwordEntry.id });
    expect(shown.headers.get("cache-control")).toBe("no-store");
    const log = await world.contact.get("/vault/log");
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({ entryId: passwordEntry.id, tool: "Gmail", reason: "Set up the filters", by: { type: "member" } });
    expect(JSON.stringify(log.body)).not.toContain(password);
  });

  it("lets the assigned subcontractor reveal only an entry the task names, with a reason and the task", async () => {
    const unnamed = await reveal(world.sub, passwordEntry.id, { reason: "Clean the inbox", taskId });
    expect(unnamed.status).toBe(403);
    expect(unnamed.body.error.code).toBe("vault.not_on_task");
    const named = await world.owner.request("PUT", `/vault/tasks/${taskId}`, { vaultEntryIds: [passwordEntry.id] });
    expect(named.status).toBe(200);
    const onTask = await world.sub.get(`/vault/tasks/${taskId}`);
    expect(onTask.status).toBe(200);
    expect(onTask.body.items.map((item: { id: string }) => item.id)).toEqual([passwordEntry.id]);
    expect(JSON.stringify(onTask.body)).not.toContain(password);
    expect((await reveal(world.sub, passwordEntry.id, { taskId })).status).toBe(400);
    expect((await reveal(world.sub, passwordEntry.id, { reason: "Clean the inbox" })).status).toBe(400);
    const shown = await reveal(world.sub, passwordEntry.id, { reason: "Clean the inbox", taskId });
    expect(shown.status).toBe(200);
    expect(shown.body.value).toBe(password);
    const log = await world.contact.get("/vault/log");
    expect(log.body.items[0]).toMatchObject({ by: { type: "member", id: world.ids.sub, name: "Sam Writer" }, reason: "Clean the inbox", task: { id: taskId } });
    // Another subcontractor, not assigned, is refused.
    expect((await reveal(world.reviewer, passwordEntry.id, { reason: "Curious", taskId })).status).toBe(403);
    expect((await world.reviewer.get(`/vault/tasks/${taskId}`)).status).toBe(403);
  });

  it("refuses a reveal checked just before a reassignment that lands before it is recorded", async () => {
    const agencyId = world.agency.agencyId;
    const grant = await withActor({ type: "member", agencyId, memberId: world.ids.sub, role: "subcontractor" }, () => Vault.authorizeReveal(passwordEntry.id, { reason: "Race", taskId }));
    const current = await world.owner.get(`/tasks/${taskId}`);
    const moved = await world.owner.post(`/tasks/${taskId}/assign`, { version: current.body.task.version, memberId: world.ids.reviewer });
    expect(moved.status).toBe(200);
    const before = (await world.contact.get("/vault/log")).body.items.length;
    await expect(withActor({ type: "member", agencyId, memberId: world.ids.sub, role: "subcontractor" }, () => Vault.recordReveal(grant, "Race"))).rejects.toMatchObject({ code: "vault.not_assigned" });
    expect((await world.contact.get("/vault/log")).body.items.length).toBe(before);
    // And over HTTP, now and after: refused.
    const after = await reveal(world.sub, passwordEntry.id, { reason: "Clean the inbox", taskId });
    expect(after.status).toBe(403);
    expect(after.body.error.code).toBe("vault.not_assigned");
    expect(JSON.stringify(after.body)).not.toContain(password);
    const back = await world.owner.post(`/tasks/${taskId}/assign`, { version: moved.body.task.version, memberId: world.ids.sub });
    expect(back.status).toBe(200);
  });

  it("settles reveals racing reassignments one way or the other: each shown secret is on the log, none after", async () => {
    const subReveals = async () => (await world.owner.get(`/vault/log?clientId=${world.ids.client}&limit=100`)).body.items.filter((item: { by: { id: string } }) => item.by.id === world.ids.sub).length;
    const before = await subReveals();
    let shownCount = 0;
    for (let round = 0; round < 3; round++) {
      const current = await world.owner.get(`/tasks/${taskId}`);
      expect(current.body.task.assignee?.id).toBe(world.ids.sub);
      const [shown, moved] = await Promise.all([reveal(world.sub, passwordEntry.id, { reason: "Race", taskId }), world.owner.post(`/tasks/${taskId}/assign`, { version: current.body.task.version, memberId: world.ids.reviewer })]);
      expect(moved.status).toBe(200);
      expect([200, 403]).toContain(shown.status);
      if (shown.status === 200) shownCount++;
      else expect(JSON.stringify(shown.body)).not.toContain(password);
      // Once it has landed, never.
      expect((await reveal(world.sub, passwordEntry.id, { reason: "After", taskId })).status).toBe(403);
      expect((await world.owner.post(`/tasks/${taskId}/assign`, { version: moved.body.task.version, memberId: world.ids.sub })).status).toBe(200);
    }
    expect((await subReveals()) - before).toBe(shownCount);
  });

  it("answers another agency's and another client's ids 404", async () => {
    const other = await createAgency("Other Vault Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    expect((await reveal(otherOwner, passwordEntry.id, { reason: "Snooping" })).status).toBe(404);
    expect((await otherOwner.get(`/vault?clientId=${world.ids.client}`)).status).toBe(404);
    expect((await otherOwner.get(`/vault/log?clientId=${world.ids.client}`)).status).toBe(404);
    expect((await otherOwner.request("PUT", `/vault/tasks/${taskId}`, { vaultEntryIds: [passwordEntry.id] })).status).toBe(404);

    // A second client of the same agency, with its own contact and entry.
    const client2 = await world.owner.post("/clients", { name: "Globex", code: `GX${randomBytes(2).toString("hex")}`, timeZone: "UTC", currency: "USD", status: "active" });
    const email = uniqueEmail("globex");
    await world.owner.post(`/clients/${client2.body.id}/contacts`, { email, name: "Gil Globex", timeZone: "UTC" });
    const contact2 = new ApiClient(api.baseUrl, "portal");
    await acceptInvitation(contact2, email);
    addresses.push(email);
    const theirs = await contact2.post("/vault", { tool: "Xero", kind: "password", secret: secret("Xero") });
    expect(theirs.status).toBe(201);
    expect((await world.contact.patch(`/vault/${theirs.body.id}`, { version: 1, tool: "Mine" })).status).toBe(404);
    expect((await world.contact.delete(`/vault/${theirs.body.id}`)).status).toBe(404);
    expect((await reveal(world.contact, theirs.body.id, {})).status).toBe(404);
    expect((await world.contact.get(`/vault?clientId=${client2.body.id}`)).status).toBe(404);
    // A task of client 1 can't name or open client 2's entry.
    expect((await world.owner.request("PUT", `/vault/tasks/${taskId}`, { vaultEntryIds: [theirs.body.id] })).status).toBe(400);
    expect((await reveal(world.sub, theirs.body.id, { reason: "Wrong client", taskId })).status).toBe(404);

    // Bursts: beyond the limit in a minute, refused.
    const burst = await Promise.all(Array.from({ length: 14 }, () => reveal(contact2, theirs.body.id, {})));
    const statuses = burst.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(Vault.REVEAL_LIMIT.max);
    expect(statuses).toContain(429);
    const limited = burst.find((reply) => reply.status === 429)!;
    expect(limited.body.error.code).toBe("vault.rate_limited");

    // A client whose work ended: nobody on the team sees its logins any more.
    const client = await world.owner.get(`/clients/${client2.body.id}`);
    expect((await world.owner.patch(`/clients/${client2.body.id}`, { version: client.body.version, status: "inactive" })).status).toBe(200);
    const ended = await reveal(world.owner, theirs.body.id, { reason: "Month end" });
    expect(ended.status).toBe(403);
    expect(ended.body.error.code).toBe("vault.client_ended");
  });

  it("refuses a tampered ciphertext clearly, showing nothing and logging no reveal", async () => {
    const entry = await world.contact.post("/vault", { tool: "Stripe", kind: "password", secret: secret("Stripe") });
    const agencyId = world.agency.agencyId;
    const stored = (await db.entities.vaultEntry.get({ agencyId, vaultEntryId: entry.body.id }).go()).data!;
    const [v, iv, tag, body] = stored.sealed.split(".");
    const flipped = Buffer.from(body!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    await db.entities.vaultEntry.patch({ agencyId, vaultEntryId: entry.body.id }).set({ sealed: [v, iv, tag, flipped.toString("base64url")].join(".") }).go();
    const before = (await world.contact.get("/vault/log")).body.items.length;
    const reply = await reveal(world.owner, entry.body.id, { reason: "Check payouts" });
    expect(reply.status).toBe(422);
    expect(reply.body.error.code).toBe("vault.tampered");
    expect((await world.contact.get("/vault/log")).body.items.length).toBe(before);
    // Moved to another entry, a valid ciphertext doesn't open either.
    await db.entities.vaultEntry.patch({ agencyId, vaultEntryId: entry.body.id }).set({ sealed: (await db.entities.vaultEntry.get({ agencyId, vaultEntryId: passwordEntry.id }).go()).data!.sealed }).go();
    expect((await reveal(world.owner, entry.body.id, { reason: "Check payouts" })).status).toBe(422);
  });
});

describe("access requests and offboarding", () => {
  it("turns the owner's request for a login into the client's to-do, answered by an entry added in the portal", async () => {
    const asked = await world.owner.post("/vault/requests", { clientId: world.ids.client, tool: "Mailchimp", note: "For the newsletter" });
    expect(asked.status).toBe(201);
    const todo = await world.contact.get("/vault");
    expect(todo.body.accessRequests).toMatchObject([{ id: asked.body.id, tool: "Mailchimp", status: "open" }]);
    const email = await waitForEmail(world.people.contact.email, (each) => /Mailchimp/.test(each.subject));
    expect(email.subject).toContain("Mailchimp");
    const answered = await world.contact.post("/vault", { tool: "Mailchimp", kind: "password", secret: secret("Mailchimp"), accessRequestId: asked.body.id });
    expect(answered.status).toBe(201);
    expect((await world.contact.get("/vault")).body.accessRequests).toEqual([]);
    expect((await world.contact.post("/vault", { tool: "Mailchimp", kind: "password", secret: "again", accessRequestId: asked.body.id })).status).toBe(409);
  });

  it("keeps secrets out of the client's data export", async () => {
    const exported = await world.owner.post(`/clients/${world.ids.client}/export`);
    expect(exported.status).toBe(200);
    const text = JSON.stringify(exported.body);
    expect(text).toContain("Gmail");
    for (const value of secrets) expect(text).not.toContain(value);
    expect(text).not.toMatch(/"sealed"/);
  });

  it("ends a removed member's access at once, lists what they saw for the owner, and asks the client to rotate", async () => {
    const removed = await world.owner.delete(`/members/${world.ids.sub}`);
    expect(removed.status).toBe(200);
    const checklist = await world.owner.get(`/vault/offboarding/${world.ids.sub}`);
    expect(checklist.status).toBe(200);
    expect(checklist.body.items).toMatchObject([{ entryId: passwordEntry.id, tool: "Gmail", rotated: false, removed: false }]);
    const reminder = await waitForEmail(world.people.contact.email, (each) => /change the passwords/i.test(each.subject));
    expect(reminder.subject).toContain("Gmail");
    // The portal's list says which logins to change: those a leaver saw, until each changes.
    const before = await world.contact.get("/vault");
    expect(before.body.toChange).toEqual([passwordEntry.id]);
    const current = before.body.items.find((item: { id: string }) => item.id === passwordEntry.id);
    const rotated = await world.contact.post(`/vault/${passwordEntry.id}/rotate`, { version: current.version, kind: "password", secret: secret("Gmail2") });
    expect(rotated.status).toBe(200);
    expect((await world.owner.get(`/vault/offboarding/${world.ids.sub}`)).body.items[0].rotated).toBe(true);
    expect((await world.contact.get("/vault")).body.toChange).toEqual([]);
  });

  it("when a client's work ends, shows none of its logins and gives the owner the checklist of what the team saw", async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    expect((await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, status: "inactive" })).status).toBe(200);
    const refused = await reveal(world.owner, passwordEntry.id, { reason: "After the end" });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("vault.client_ended");
    const checklist = await world.owner.get(`/vault/clients/${world.ids.client}/checklist`);
    expect(checklist.status).toBe(200);
    expect(checklist.body).toMatchObject({ clientId: world.ids.client, name: "Acme Corp", ended: true });
    const gmail = checklist.body.items.find((item: { entryId: string }) => item.entryId === passwordEntry.id);
    // Seen by the owner and Sam (the team); rotated by the client after Sam left.
    expect(gmail).toMatchObject({ tool: "Gmail", rotated: true, removed: false });
    expect(gmail.seenBy.map((person: { name: string }) => person.name)).toContain("Sam Writer");
    expect(checklist.body.items.every((item: { seenBy: unknown[] }) => item.seenBy.length > 0)).toBe(true);
    expect(JSON.stringify(checklist.body)).not.toContain(password);
    expect((await world.contact.get(`/vault/clients/${world.ids.client}/checklist`)).status).toBe(403);
    expect((await world.reviewer.get(`/vault/clients/${world.ids.client}/checklist`)).status).toBe(403);
    const other = await createAgency("Ended Vault Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, other.ownerEmail);
    expect((await otherOwner.get(`/vault/clients/${world.ids.client}/checklist`)).status).toBe(404);
  });

  it("logged and emailed no secret used in these tests", async () => {
    await Deferred.settled();
    const logged = output.text();
    expect(logged.length).toBeGreaterThan(0);
    expect(logged).toContain("vault:");
    const ses = inject("sesEndpoint");
    addresses.push(world.agency.ownerEmail, ...Object.values(world.people).map((person) => person.email));
    const mail = (await Promise.all(addresses.map((address) => emailsTo(ses, address)))).flat();
    expect(mail.length).toBeGreaterThan(0);
    const mailed = JSON.stringify(mail);
    for (const value of secrets) {
      expect(logged.includes(value), `logged: ${value.slice(0, 6)}…`).toBe(false);
      expect(mailed.includes(value), `emailed: ${value.slice(0, 6)}…`).toBe(false);
    }
  });
});
