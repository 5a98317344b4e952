import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// What a request submit costs in DynamoDB round trips, counted through the client's middleware
// as `bench/trips.ts` counts them (counts, not timings). The owners' unread counts and emails are
// written in the request's own transaction: no writes after it.

let api: Started;
let world: World;
let calls: Array<{ command: string; keys: string }> | null = null;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Round Trips Agency");
  const { client } = await import("@baton/core/db");
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: unknown; Item?: unknown; TransactItems?: unknown; RequestItems?: unknown; ExpressionAttributeValues?: unknown };
      calls?.push({ command: String(context.commandName).replace(/Command$/, ""), keys: JSON.stringify(input.Key ?? input.Item ?? input.TransactItems ?? input.RequestItems ?? input.ExpressionAttributeValues ?? {}) });
      return next(args);
    },
    { step: "initialize", name: "test:round-trips" },
  );
});
afterAll(async () => {
  const { client } = await import("@baton/core/db");
  client.middlewareStack.remove("test:round-trips");
  await api.close();
});

/** The DynamoDB calls `send` made before its answer (the outbox's delivery after it is not the request's). */
async function counted<T>(send: () => Promise<T>) {
  calls = [];
  const reply = await send();
  const made = calls.filter((call) => !/\$outboxemail|\$undeliverable/.test(call.keys) || call.command === "TransactWriteItems");
  calls = null;
  return { reply, made, by: (command: string) => made.filter((call) => call.command === command) };
}

describe("request submit's round trips", () => {
  it("reads the client, agency and team, takes a number, and writes everything else in one transaction", async () => {
    await world.contact.post("/requests", { title: "Warm up", description: "D", service: "S" });
    const { reply, made, by } = await counted(() => world.contact.post("/requests", { title: "Counted", description: "D", service: "S" }));
    expect(reply.status).toBe(201);
    expect(made.length, made.map((call) => `${call.command} ${call.keys.slice(0, 160)}`).join("\n")).toBeLessThanOrEqual(6);
    expect(by("TransactWriteItems")).toHaveLength(1);
    const transaction = by("TransactWriteItems")[0]!.keys;
    expect(transaction).toContain("$unread_1");
    expect(transaction).toContain("$outboxemail_1");
    expect(by("PutItem")).toHaveLength(0);
    // Only the request counter and the client's own counter are updated beside the transaction.
    expect(by("UpdateItem").map((call) => (call.keys.includes("$requestcounter_1") ? "counter" : call.keys.includes("$client_1") ? "client" : call.keys))).toEqual(["counter", "client"]);
    // Behaviour as before: the owner sees it unread, and the email goes out.
    const unread = await world.owner.get("/inbox");
    expect(JSON.stringify(unread.body)).toContain(reply.body.reference);
  });
});
