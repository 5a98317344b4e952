import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { isConstructed } from "../../packages/core/src/db/entity.ts";
import { startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Each entity is constructed on its first use (packages/core/src/db/entity.ts), so a cold start
// builds the few a call needs, not all sixty. What it must not change: every query, write,
// transaction and collection answers as before, a cancelled transaction included, and a call
// constructs nothing it doesn't use.

let api: Started;
let world: World;
const built = () => Object.entries(db.entities).filter(([, entity]) => isConstructed(entity)).map(([name]) => name);

let builtAtStart: string[] = [];
beforeAll(async () => {
  builtAtStart = built();
  api = await startApi();
  world = await createWorld(api, "Lazy Entity Agency");
});
afterAll(async () => {
  await api.close();
});

describe("entities constructed on first use", () => {
  it("are not built by importing the API, only by the calls that use them", async () => {
    expect(builtAtStart).toEqual([]);
    // Signing in read the logins collection (member + contact) and wrote magic links and members.
    expect(built()).toEqual(expect.arrayContaining(["agency", "member", "contact", "client", "magicLink"]));
    // Nothing so far touched the vault or payouts.
    expect(built()).not.toContain("vaultKey");
    expect(built()).not.toContain("payoutClaim");
  });

  it("answer reads and writes as before, and a call builds only what it touches", async () => {
    const before = new Set(built());
    const mine = await world.sub.get("/tasks/mine");
    expect(mine.status).toBe(200);
    expect(Array.isArray(mine.body.items ?? mine.body)).toBe(true);
    const added = built().filter((name) => !before.has(name));
    expect(added.every((name) => ["task", "timer", "timeEntry", "unread", "hourBankPolicy"].includes(name)), added.join(", ")).toBe(true);
  });

  it("read a cancelled transaction with only the entities built so far: one of two racing writes wins, the other gets 409 with the task", async () => {
    const { task } = await acceptedTask(world);
    const before = new Set(built());
    const [first, second] = await Promise.all([
      world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub }),
      world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.reviewer }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const lost = first.status === 409 ? first : second;
    expect(lost.body.error.code).toBe("conflict");
    const won = first.status === 200 ? first : second;
    expect(won.body.task.version).toBe(task.version + 1);
    // The loser is shown the task as the winner left it.
    expect(lost.body.current.id).toBe(task.id);
    expect(lost.body.current.version).toBe(task.version + 1);
    // The race read its cancellation without building every other entity.
    expect(built().filter((name) => !before.has(name))).not.toContain("vaultKey");
    expect(built()).not.toContain("payoutClaim");
  });
});
