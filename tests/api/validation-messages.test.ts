import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";

// Validation messages are sentences a person can act on, in their language: where a schema has no
// sentence of its own, zod's default ("Invalid input: expected number, received NaN") is replaced
// by one chosen by what went wrong (packages/core/src/fn/messages.ts).

let api: Started;
let owner: ApiClient;

beforeAll(async () => {
  api = await startApi();
  const agency = await createAgency("Messages Agency");
  owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
});
afterAll(() => api.close());

const fieldOf = async (path: string, field: string) => {
  const reply = await owner.get(path);
  expect(reply.status, JSON.stringify(reply.body)).toBe(400);
  expect(reply.body.error.code).toBe("validation_failed");
  return reply.body.error.fields[field] as string;
};

it("says what a number field needs instead of zod's words", async () => {
  expect(await fieldOf("/clients?limit=abc", "limit")).toBe("Enter a number.");
  expect(await fieldOf("/clients?limit=0", "limit")).toBe("Enter 1 or more.");
  expect(await fieldOf("/clients?limit=500", "limit")).toBe("Enter 100 or less.");
  expect(await fieldOf("/clients?limit=1.5", "limit")).toBe("Enter a number.");
});

it("says what a body field needs: the right type, a choice from the list", async () => {
  const reply = await owner.post("/time/timer/stop", { billable: "yes" });
  expect(reply.status).toBe(400);
  expect(reply.body.error.fields).toEqual({ billable: "Choose yes or no." });
  const sorted = await owner.post("/api-keys", { name: "Key", scopes: ["admin"] });
  expect(sorted.body.error.fields["scopes.0"]).toBe("Scopes are read, write and webhooks.");
});

it("translates the new sentences like every server message, into the reader's language", async () => {
  expect((await owner.patch("/me", { locale: "el" })).status).toBe(200);
  expect(await fieldOf("/clients?limit=abc", "limit")).toBe("Εισαγάγετε αριθμό.");
  expect((await owner.patch("/me", { locale: "hi" })).status).toBe(200);
  expect(await fieldOf("/clients?limit=500", "limit")).toBe("100 या उससे कम दर्ज करें।");
  expect((await owner.patch("/me", { locale: "en" })).status).toBe(200);
});
