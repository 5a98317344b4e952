import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// A draft invoice's words in search (issue 22 item 6): a draft is found by its lines' wording as
// it reads now, after an edit too — not only once it is sent (which used to be the first rewrite
// of its words: an edited draft was found by neither its old wording nor its new one).

let api: Started;
let world: World;
let invoiceId: string;

const found = async (q: string) => {
  const reply = await world.owner.get(`/search?q=${encodeURIComponent(q)}`);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return (reply.body.items as Array<{ kind: string; id: string }>).filter((item) => item.kind === "invoice").map((item) => item.id);
};

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Draft Words Agency");
  const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [{ kind: "custom", description: "Mailbox triage", quantity: 1, unitAmount: 10000 }] });
  expect(draft.status, JSON.stringify(draft.body)).toBe(201);
  invoiceId = draft.body.id;
});
afterAll(() => api?.close());

describe("a draft invoice in search", () => {
  it("is found by its first wording", async () => {
    expect(await found("mailbox triage")).toEqual([invoiceId]);
  });

  it("is found by its new wording after an edit, and no longer by the old one, while still a draft", async () => {
    const current = await world.owner.get(`/invoices/${invoiceId}`);
    const edited = await world.owner.patch(`/invoices/${invoiceId}`, { version: current.body.version, lines: [{ index: 0, description: "Calendar clean-up" }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.status).toBe("draft");
    expect(await found("calendar clean")).toEqual([invoiceId]);
    expect(await found("mailbox triage")).toEqual([]);
  });
});
