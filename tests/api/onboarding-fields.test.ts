import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApi, type Started } from "../support/http.ts";
import { leadWithContact, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";

// Questionnaire answers that reach the client's record (issue 22, part 3): the owner marks a
// question as filling a client field (website, billing name, billing address, tax id); when the
// client submits the questionnaire, the answers are written on the client, checked by the
// record's own rules and audited, and the owner reads them on the client.

let api: Started;
let world: World;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Fields Agency");
});
afterAll(() => api.close());

const questions = [
  { kind: "text", label: "Registered company name", help: null, required: true, field: "billingName" },
  { kind: "long_text", label: "Invoice address", help: null, required: true, field: "billingAddress" },
  { kind: "text", label: "VAT number", help: null, required: false, field: "taxId" },
  { kind: "url", label: "Website", help: null, required: false, field: "website" },
  { kind: "text", label: "Favourite colour", help: null, required: false },
];

describe("mapping questions to client fields in the kit", () => {
  const refused = async (changed: Record<string, unknown>[]) => {
    const kit = await world.owner.get("/onboarding/kit");
    const { updatedAt: _updatedAt, ...body } = kit.body;
    const reply = await world.owner.request("PUT", "/onboarding/kit", { ...body, questions: changed });
    expect(reply.status, JSON.stringify(reply.body)).toBe(400);
    return reply.body.error.fields as Record<string, string>;
  };

  it("keeps each question's field, null for a question that fills none", async () => {
    const kit = await saveKit(world.owner, { questions } as never);
    expect(kit.questions.map((q: { field: string | null }) => q.field)).toEqual(["billingName", "billingAddress", "taxId", "website", null]);
  });

  it("refuses a field the question's kind can't fill, a field filled twice, and a field that isn't one", async () => {
    expect(await refused([{ kind: "date", label: "Start", required: false, field: "website" }])).toEqual({ "questions.0.field": "Only a web address question can fill the website." });
    expect(await refused([{ kind: "choice", label: "Plan", required: false, options: ["A", "B"], field: "taxId" }])).toEqual({ "questions.0.field": "Only a text question can fill the tax id." });
    expect(
      await refused([
        { kind: "text", label: "Name", required: false, field: "billingName" },
        { kind: "text", label: "Name again", required: false, field: "billingName" },
      ]),
    ).toEqual({ "questions.1.field": "Another question already fills this field." });
    expect(Object.keys(await refused([{ kind: "text", label: "Phone", required: false, field: "phone" }]))).toEqual(["questions.0.field"]);
  });
});

describe("submitting the questionnaire", () => {
  let lead: Awaited<ReturnType<typeof leadWithContact>>;
  let ids: Record<string, string>;
  let version: number;

  beforeAll(async () => {
    await saveKit(world.owner, { questions } as never);
    lead = await leadWithContact(api, world.owner, "Harbour Foods");
    const started = await startOnboarding(world.owner, lead.clientId);
    version = started.version;
    ids = Object.fromEntries(started.questions.map((q: { label: string; id: string }) => [q.label, q.id]));
  });

  const answer = (answers: Record<string, string>, submit: boolean) => lead.contact.request("PUT", "/onboarding/mine/answers", { version, answers, submit });

  it("leaves the client alone while the answers are a draft", async () => {
    const draft = await answer({ [ids["Registered company name"]!]: "Harbour Foods Ltd" }, false);
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    version = draft.body.version;
    const client = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    expect(client.invoiceTo.name).toBeNull();
  });

  it("refuses, on the answer's own field, an answer the client record wouldn't take, and writes nothing", async () => {
    const before = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    const reply = await answer(
      { [ids["Registered company name"]!]: "Harbour Foods Ltd", [ids["Invoice address"]!]: "1 Quay Street\nPiraeus", [ids["VAT number"]!]: "EL".padEnd(60, "9") },
      true,
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({ [`answers.${ids["VAT number"]}`]: "Keep the tax id under 50 characters." });
    const after = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    expect(after.version).toBe(before.version);
    expect((await lead.contact.get("/onboarding/mine")).body.steps.questionnaire.done).toBe(false);
  });

  it("writes the mapped answers on the client when submitted, audited, and the owner reads them on the client", async () => {
    const before = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    const reply = await answer(
      {
        [ids["Registered company name"]!]: "Harbour Foods Ltd",
        [ids["Invoice address"]!]: "1 Quay Street\nPiraeus 185 31",
        [ids["VAT number"]!]: "EL123456789",
        [ids["Website"]!]: "https://harbour.example",
        [ids["Favourite colour"]!]: "Blue",
      },
      true,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.steps.questionnaire.done).toBe(true);

    const client = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    expect(client.website).toBe("https://harbour.example");
    expect(client.invoiceTo).toMatchObject({ name: "Harbour Foods Ltd", address: "1 Quay Street\nPiraeus 185 31", taxId: "EL123456789" });
    expect(client.version).toBe(before.version + 1);
    // Still onboarding: the other steps are to come.
    expect(client.status).toBe("onboarding");

    const audit = (await world.owner.get("/audit?limit=20")).body.items as Array<{ action: string; subject: { id: string }; data: Record<string, unknown> }>;
    const event = audit.find((e) => e.action === "client.updated" && e.subject.id === lead.clientId);
    expect(event?.data).toMatchObject({ from: "onboarding" });
    expect((event?.data.fields as string[]).sort()).toEqual(["billingAddress", "billingName", "billingTaxId", "website"]);

    // The owner's view of the onboarding says which question fed which field.
    const owner = (await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body;
    expect(owner.questions.find((q: { id: string }) => q.id === ids["Website"]).field).toBe("website");
  });
});
