import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAgency } from "../support/fixtures.ts";
import { ApiClient, signIn, startApi, waitForEmail, type Started } from "../support/http.ts";
import { leadWithContact, sampleKit, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";
import { pdfText } from "../support/pdf.ts";

// Client onboarding over HTTP: the owner's kit, starting a lead's onboarding, the contact's
// checklist (questionnaire, agreement, welcome packet) and who may see and do what. The tests run
// in order: each builds on the kit and the onboarding the ones before made.

let api: Started;
let world: World;
let lead: Awaited<ReturnType<typeof leadWithContact>>;

beforeAll(async () => {
  api = await startApi();
  world = await createWorld(api, "Onboarding Agency");
  lead = await leadWithContact(api, world.owner, "Nova Bakery");
});
afterAll(() => api.close());

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");
const putKit = (body: Record<string, unknown>) => world.owner.request("PUT", "/onboarding/kit", body);
const kitBody = (version: number, changes: Record<string, unknown> = {}) => ({ ...sampleKit, version, ...changes });
const idOf = (onboarding: any, label: string) => onboarding.questions.find((q: any) => q.label === label).id as string;

describe("the kit", () => {
  it("is empty at version 0 until first saved, and a lead's onboarding can't start without one", async () => {
    const kit = await world.owner.get("/onboarding/kit");
    expect(kit.status).toBe(200);
    expect(kit.body).toEqual({
      questions: [],
      agreement: { scope: "", deliverables: "", paymentTerms: "", confidentiality: "" },
      welcomePacket: "",
      updatedAt: null,
      version: 0,
    });
    const start = await world.owner.post(`/onboarding/clients/${lead.clientId}/start`);
    expect(start.status).toBe(409);
    expect(start.body.error.code).toBe("onboarding.kit_incomplete");
    expect(start.body.error.message).toMatch(/kit/);
    expect((await world.owner.get(`/clients/${lead.clientId}`)).body.status).toBe("lead");
  });

  it("saves every kind of question, gives new questions ids, keeps options only on choice questions", async () => {
    const reply = await putKit(kitBody(0, { questions: [...sampleKit.questions, { kind: "date", label: "Renewal", options: ["stray"] }] }));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.version).toBe(1);
    expect(reply.body.updatedAt).toEqual(expect.any(String));
    expect(reply.body.questions.map((q: any) => q.kind)).toEqual(["text", "long_text", "choice", "multi_choice", "date", "url", "date"]);
    for (const q of reply.body.questions) expect(q.id).toMatch(/^q_[0-9a-f]+$/);
    expect(new Set(reply.body.questions.map((q: any) => q.id)).size).toBe(7);
    expect(reply.body.questions[0]).toMatchObject({ label: "Company legal name", help: "As on your invoices.", required: true, options: [] });
    expect(reply.body.questions[2].options).toEqual(["Email", "Phone", "Chat"]);
    expect(reply.body.questions[6]).toMatchObject({ help: null, required: false, options: [] });
    expect(reply.body.agreement).toEqual(sampleKit.agreement);
    expect((await world.owner.get("/onboarding/kit")).body).toEqual(reply.body);
  });

  it("keeps a question's id when an edit sends it, and refuses a stale version with 409 and the current kit", async () => {
    const current = (await world.owner.get("/onboarding/kit")).body;
    const [first, ...rest] = current.questions;
    const edited = await putKit({ ...kitBody(current.version), questions: [...rest.slice(0, 5), { ...first, label: "Registered company name" }] });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.questions[5]).toEqual({ ...first, label: "Registered company name" });
    expect(edited.body.questions.map((q: any) => q.id)).toEqual([...rest.slice(0, 5), first].map((q: any) => q.id));

    const stale = await putKit({ ...kitBody(1), welcomePacket: "Lost update" });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe("conflict");
    expect(stale.body.current.version).toBe(2);
    expect((await world.owner.get("/onboarding/kit")).body.welcomePacket).toBe(sampleKit.welcomePacket);
  });

  it("names each field that needs attention, per question, and saves nothing", async () => {
    const version = (await world.owner.get("/onboarding/kit")).body.version;
    const reply = await putKit(
      kitBody(version, {
        questions: [
          { kind: "choice", label: "Only one", options: ["Yes"] },
          { kind: "multi_choice", label: "Twice", options: ["A", "a"] },
          { kind: "text", label: "   " },
          { kind: "essay", label: "Unknown kind" },
          { kind: "choice", label: "Empty option", options: ["A", ""] },
          { id: "q_same", kind: "text", label: "One" },
          { id: "q_same", kind: "text", label: "Two" },
          { kind: "url", label: "Site", required: "yes" },
        ],
        agreement: { ...sampleKit.agreement, scope: "x".repeat(10_001) },
      }),
    );
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("validation_failed");
    expect(reply.body.error.fields).toMatchObject({
      "questions.2.label": "Enter the question.",
      "questions.3.kind": expect.stringMatching(/Choose/),
      "questions.4.options.1": expect.stringMatching(/empty/),
      "questions.7.required": expect.any(String),
      "agreement.scope": expect.stringMatching(/10,000/),
    });
    // Checks across fields run once each field's own shape is right.
    const crossField = await putKit(
      kitBody(version, {
        questions: [
          { kind: "choice", label: "Only one", options: ["Yes"] },
          { kind: "multi_choice", label: "Twice", options: ["A", "a"] },
          { id: "q_same", kind: "text", label: "One" },
          { id: "q_same", kind: "text", label: "Two" },
        ],
      }),
    );
    expect(crossField.status).toBe(400);
    expect(crossField.body.error.fields).toEqual({
      "questions.0.options": "Offer at least 2 options.",
      "questions.1.options": "Each option must be different.",
      "questions.3.id": "Two questions have the same id.",
    });
    const tooMany = await putKit(kitBody(version, { questions: Array.from({ length: 51 }, (_, i) => ({ kind: "text", label: `Q${i}` })) }));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.fields.questions).toMatch(/at most 50/);
    expect((await world.owner.get("/onboarding/kit")).body.version).toBe(version);
  });
});

describe("starting a lead's onboarding", () => {
  let kitAtStart: any;

  it("copies the kit onto the client and moves it from lead to onboarding, with an audit event", async () => {
    kitAtStart = (await world.owner.get("/onboarding/kit")).body;
    const started = await startOnboarding(world.owner, lead.clientId);
    expect(started).toMatchObject({ clientId: lead.clientId, clientName: "Nova Bakery", clientStatus: "onboarding", completedAt: null, answers: {}, version: 1 });
    expect(Date.now() - Date.parse(started.startedAt)).toBeLessThan(60_000);
    expect(started.questions).toEqual(kitAtStart.questions);
    expect(started.welcomePacket).toBe(sampleKit.welcomePacket);
    expect(started.agreementText).toBe(
      [
        "# Agreement between Onboarding Agency and Nova Bakery",
        `## Scope\n\n${sampleKit.agreement.scope}`,
        `## Deliverables\n\n${sampleKit.agreement.deliverables}`,
        `## Payment terms\n\n${sampleKit.agreement.paymentTerms}`,
        `## Confidentiality\n\n${sampleKit.agreement.confidentiality}`,
      ].join("\n\n"),
    );
    expect(started.agreementSha256).toBe(sha256(started.agreementText));
    expect(started.steps.questionnaire).toEqual({ done: false, at: null, by: null });
    expect(started.steps.agreement).toEqual({ done: false, at: null, by: null, fullName: null, ip: null, sha256: null });
    expect((await world.owner.get(`/clients/${lead.clientId}`)).body.status).toBe("onboarding");
    expect((await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body).toEqual(started);
    const audit = (await world.owner.get("/audit?limit=5")).body.items;
    expect(audit.find((e: any) => e.action === "onboarding.started")).toMatchObject({ subject: { type: "client", id: lead.clientId } });
  });

  it("refuses to start twice, or for a client that is not a lead", async () => {
    const again = await world.owner.post(`/onboarding/clients/${lead.clientId}/start`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("onboarding.started");
    const active = await world.owner.post(`/onboarding/clients/${world.ids.client}/start`);
    expect(active.status).toBe(409);
    expect(active.body.error.code).toBe("onboarding.not_lead");
    expect((await world.owner.get(`/clients/${world.ids.client}`)).body.status).toBe("active");
  });

  it("keeps the started client's copy when the kit changes afterwards", async () => {
    await saveKit(world.owner, { questions: [{ kind: "text", label: "A new question", help: null, required: true }], agreement: { scope: "A different scope." } });
    const mine = await lead.contact.get("/onboarding/mine");
    expect(mine.status).toBe(200);
    expect(mine.body.questions).toEqual(kitAtStart.questions);
    expect(mine.body.agreementText).toContain(sampleKit.agreement.scope);
    expect(mine.body.agreementText).not.toContain("A different scope.");
    expect((await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body.questions).toEqual(kitAtStart.questions);
  });

  it("shows a client never started as not started", async () => {
    const reply = await world.owner.get(`/onboarding/clients/${world.ids.client}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ clientId: world.ids.client, clientStatus: "active", startedAt: null, questions: [], agreementText: "", version: 0 });
  });
});

describe("the contact's checklist", () => {
  let version: number;
  let q: Record<string, string>;

  beforeAll(async () => {
    const mine = (await lead.contact.get("/onboarding/mine")).body;
    version = mine.version;
    q = {
      name: idOf(mine, "Registered company name"),
      about: idOf(mine, "What should we know about your business?"),
      channel: idOf(mine, "Preferred channel"),
      services: idOf(mine, "Services wanted"),
      start: idOf(mine, "Start date"),
      site: idOf(mine, "Website"),
    };
  });

  const answer = (body: Record<string, unknown>) => lead.contact.request("PUT", "/onboarding/mine/answers", { version, ...body });

  it("saves a draft checked for types only: required answers may still be missing", async () => {
    const draft = await answer({ answers: { [q.about!]: "  We bake.\r\nDaily.  ", [q.services!]: ["Calendar", "Inbox"] }, submit: false });
    expect(draft.status, JSON.stringify(draft.body)).toBe(200);
    expect(draft.body.answers).toEqual({ [q.about!]: "We bake.\nDaily.", [q.services!]: ["Inbox", "Calendar"] });
    expect(draft.body.steps.questionnaire.done).toBe(false);
    expect(draft.body.version).toBe(version + 1);
    version = draft.body.version;
  });

  it("refuses to submit without the required answers, naming each, and keeps the draft", async () => {
    const reply = await answer({ answers: { [q.about!]: "We bake." }, submit: true });
    expect(reply.status).toBe(400);
    expect(reply.body.error.fields).toEqual({
      [`answers.${q.name}`]: "Answer this question.",
      [`answers.${q.channel}`]: "Choose an answer to this question.",
      [`answers.${q.start}`]: "Answer this question.",
    });
    const mine = (await lead.contact.get("/onboarding/mine")).body;
    expect(mine.version).toBe(version);
    expect(mine.answers[q.services!]).toEqual(["Inbox", "Calendar"]);
  });

  it("refuses a wrong value for each kind of question, keyed by question id", async () => {
    const bad: Array<[string, unknown, RegExp]> = [
      [q.name!, "x".repeat(501), /500/],
      [q.name!, ["A"], /text/],
      [q.about!, "x".repeat(5001), /5,000/],
      [q.channel!, "Fax", /options/],
      [q.channel!, ["Email"], /options/],
      [q.services!, ["Inbox", "Nope"], /options/],
      [q.services!, ["Inbox", "Inbox"], /once/],
      [q.services!, "Inbox", /list/],
      [q.start!, "2026-02-30", /real date/],
      [q.start!, "30/01/2026", /YYYY-MM-DD/],
      [q.site!, "ftp://example.com", /https/],
      [q.site!, "javascript:alert(1)", /https/],
      ["q_nosuch", "Hello", /not a question/],
    ];
    for (const [id, value, message] of bad) {
      for (const submit of [false, true]) {
        const reply = await answer({ answers: { [id]: value }, submit });
        expect(reply.status, `${id} ${JSON.stringify(value)}`).toBe(400);
        expect(reply.body.error.fields[`answers.${id}`], `${id} ${JSON.stringify(value)}`).toMatch(message);
      }
    }
    expect((await lead.contact.get("/onboarding/mine")).body.version).toBe(version);
  });

  it("submits a complete questionnaire and records who did", async () => {
    const answers = { [q.name!]: "Nova Bakery Ltd", [q.channel!]: "Email", [q.start!]: "2026-12-01", [q.site!]: "https://nova.example", [q.services!]: [] };
    const reply = await answer({ answers, submit: true });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.answers).toEqual({ [q.name!]: "Nova Bakery Ltd", [q.channel!]: "Email", [q.start!]: "2026-12-01", [q.site!]: "https://nova.example" });
    expect(reply.body.steps.questionnaire).toMatchObject({ done: true, by: lead.contactName });
    expect(Date.now() - Date.parse(reply.body.steps.questionnaire.at)).toBeLessThan(60_000);
    expect(reply.body.completedAt).toBeNull();
    version = reply.body.version;
    // Once submitted, a later save still has to pass submission.
    const unsubmit = await answer({ answers: { [q.name!]: "Nova Bakery Ltd" }, submit: false });
    expect(unsubmit.status).toBe(400);
    expect(Object.keys(unsubmit.body.error.fields).sort()).toEqual([`answers.${q.channel}`, `answers.${q.start}`].sort());
  });

  it("refuses a stale version with 409 and the current onboarding", async () => {
    const reply = await lead.contact.request("PUT", "/onboarding/mine/answers", { version: version - 1, answers: {}, submit: false });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("conflict");
    expect(reply.body.current.version).toBe(version);
  });

  it("refuses an acceptance of text other than the agreement shown (409) and stores nothing", async () => {
    const mine = (await lead.contact.get("/onboarding/mine")).body;
    const reply = await lead.contact.post("/onboarding/mine/agreement", { version, fullName: "Lena Lead", sha256: sha256(`${mine.agreementText} `) });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("onboarding.agreement_changed");
    const after = (await lead.contact.get("/onboarding/mine")).body;
    expect(after.version).toBe(version);
    expect(after.steps.agreement).toEqual({ done: false, at: null, by: null, fullName: null, ip: null, sha256: null });
  });

  it("refuses a typed name that isn't the contact's own (400, naming the field) and keeps nothing, and has no signed copy yet", async () => {
    const mine = (await lead.contact.get("/onboarding/mine")).body;
    for (const fullName of ["Someone Else", "Lena Leader", "Lena"]) {
      const reply = await lead.contact.post("/onboarding/mine/agreement", { version, fullName, sha256: mine.agreementSha256 });
      expect(reply.status, fullName).toBe(400);
      expect(reply.body.error.code).toBe("onboarding.name_mismatch");
      expect(reply.body.error.fields.fullName).toBe("Type your full name as it is on your profile: Lena Lead.");
    }
    const after = (await lead.contact.get("/onboarding/mine")).body;
    expect(after.version).toBe(version);
    expect(after.steps.agreement.done).toBe(false);
    const pdf = await lead.contact.download("/onboarding/mine/agreement/pdf");
    expect(pdf.status).toBe(404);
    expect((await world.owner.download(`/onboarding/clients/${lead.clientId}/agreement/pdf`)).status).toBe(404);
  });

  it("accepts the agreement by typed name, keeping the time, the IP it came from (not a forged header) and the text's SHA-256", async () => {
    const mine = (await lead.contact.get("/onboarding/mine")).body;
    const digest = sha256(mine.agreementText);
    expect(mine.agreementSha256).toBe(digest);
    const before = Date.now();
    const reply = await lead.contact.request(
      "POST",
      "/onboarding/mine/agreement",
      { version, fullName: "  Lena Lead  ", sha256: digest.toUpperCase() },
      { "x-forwarded-for": "203.0.113.7, 10.0.0.1" },
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const agreement = reply.body.steps.agreement;
    // The address the connection came from (loopback here), not the header the caller wrote.
    expect(agreement).toMatchObject({ done: true, by: lead.contactName, fullName: "Lena Lead", sha256: digest });
    expect(agreement.ip).toMatch(/^(127\.0\.0\.1|::1|::ffff:127\.0\.0\.1)$/);
    expect(agreement.at).toMatch(/Z$/);
    expect(Date.parse(agreement.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(Date.parse(agreement.at)).toBeLessThanOrEqual(Date.now() + 1000);
    expect(sha256(reply.body.agreementText)).toBe(agreement.sha256);
    expect(reply.body.completedAt).toBeNull();
    expect((await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body.steps.agreement).toEqual(agreement);
    version = reply.body.version;

    const again = await lead.contact.post("/onboarding/mine/agreement", { version, fullName: "Someone Else", sha256: digest });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("onboarding.agreement_accepted");
  });

  it("gives the signed copy as a PDF to the contact and to the owner: the text, the typed name, the time in the client's zone, the IP and the SHA-256", async () => {
    const state = (await world.owner.get(`/onboarding/clients/${lead.clientId}`)).body;
    const client = (await world.owner.get(`/clients/${lead.clientId}`)).body;
    for (const reader of [lead.contact, world.owner]) {
      const reply = await reader.download(reader === world.owner ? `/onboarding/clients/${lead.clientId}/agreement/pdf` : "/onboarding/mine/agreement/pdf");
      expect(reply.status).toBe(200);
      expect(reply.headers.get("content-type")).toBe("application/pdf");
      expect(reply.headers.get("content-disposition")).toMatch(/^attachment; filename="signed-agreement-[a-z0-9]+\.pdf"$/);
      const text = (await pdfText(reply.bytes)).replace(/\s+/g, " ");
      expect(text).toContain("Scope");
      expect(text).toContain(sampleKit.agreement.scope.split(/\s+/).slice(0, 4).join(" "));
      expect(text).toContain("Signed by Lena Lead (typed full name)");
      const when = new Intl.DateTimeFormat("en", { dateStyle: "long", timeStyle: "short", timeZone: client.timeZone }).format(new Date(state.steps.agreement.at));
      expect(text).toContain(`Signed on ${when} (${client.timeZone})`);
      expect(text).toContain(`From IP address ${state.steps.agreement.ip}`);
      expect(text).toContain(state.steps.agreement.sha256);
    }
    // Nobody else's: a subcontractor is refused, another agency's owner finds nothing.
    expect((await world.sub.download(`/onboarding/clients/${lead.clientId}/agreement/pdf`)).status).toBe(403);
  });

  it("completes with the welcome packet: the client becomes active and the owner is emailed", async () => {
    const reply = await lead.contact.post("/onboarding/mine/packet", { version });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.steps.packet).toMatchObject({ done: true, by: lead.contactName });
    expect(reply.body.completedAt).toEqual(expect.any(String));
    expect(reply.body.clientStatus).toBe("active");
    expect((await world.owner.get(`/clients/${lead.clientId}`)).body.status).toBe("active");
    const mail = await waitForEmail(world.agency.ownerEmail, (e) => e.subject === "Nova Bakery finished onboarding");
    expect(mail.body.text).toContain(`/clients/${lead.clientId}`);
    const audit = (await world.owner.get("/audit?limit=10")).body.items;
    expect(audit.find((e: any) => e.action === "client.onboarded")).toMatchObject({ subject: { id: lead.clientId } });
    version = reply.body.version;
  });

  it("refuses any change after completion", async () => {
    const answers = await lead.contact.request("PUT", "/onboarding/mine/answers", { version, answers: {}, submit: false });
    expect(answers.status).toBe(409);
    expect(answers.body.error.code).toBe("onboarding.completed");
    const packet = await lead.contact.post("/onboarding/mine/packet", { version });
    expect(packet.body.error.code).toBe("onboarding.completed");
  });
});

describe("steps in another order, and before the start", () => {
  it("answers 409 not_started to every action before the owner starts, then takes the steps in any order", async () => {
    const other = await leadWithContact(api, world.owner, "Orbit Studio");
    const mine = await other.contact.get("/onboarding/mine");
    expect(mine.body).toMatchObject({ clientId: other.clientId, clientStatus: "lead", startedAt: null, version: 0 });
    for (const [path, body] of [
      ["/onboarding/mine/packet", { version: 1 }],
      ["/onboarding/mine/agreement", { version: 1, fullName: "Olga", sha256: "0".repeat(64) }],
    ] as const) {
      const reply = await other.contact.post(path, body);
      expect(reply.status, path).toBe(409);
      expect(reply.body.error.code, path).toBe("onboarding.not_started");
    }
    const early = await other.contact.request("PUT", "/onboarding/mine/answers", { version: 1, answers: {}, submit: false });
    expect(early.body.error.code).toBe("onboarding.not_started");

    const started = await startOnboarding(world.owner, other.clientId);
    // The kit now has one required text question and the changed scope.
    expect(started.agreementText).toContain("A different scope.");
    const packet = await other.contact.post("/onboarding/mine/packet", { version: started.version });
    expect(packet.body.steps.packet.done).toBe(true);
    const repeat = await other.contact.post("/onboarding/mine/packet", { version: started.version });
    expect(repeat.status).toBe(200);
    expect(repeat.body.version).toBe(packet.body.version);
    const accepted = await other.contact.post("/onboarding/mine/agreement", { version: packet.body.version, fullName: other.contactName, sha256: started.agreementSha256 });
    expect(accepted.status).toBe(200);
    // No proxy in front: the address the request came from.
    expect(accepted.body.steps.agreement.ip).toMatch(/127\.0\.0\.1|::1/);
    expect(accepted.body.completedAt).toBeNull();
    expect((await world.owner.get(`/clients/${other.clientId}`)).body.status).toBe("onboarding");
    const done = await other.contact.request("PUT", "/onboarding/mine/answers", {
      version: accepted.body.version,
      answers: { [started.questions[0].id]: "Orbit Studio SA" },
      submit: true,
    });
    expect(done.status).toBe(200);
    expect(done.body.completedAt).toEqual(expect.any(String));
    expect((await world.owner.get(`/clients/${other.clientId}`)).body.status).toBe("active");
  });
});

describe("the agreement in the reader's language", () => {
  // The kit by now: the sample's sections with the scope changed (see "keeps the started client's copy").
  const sections = { ...sampleKit.agreement, scope: "A different scope." };
  const greekText = (client: string) =>
    [
      `# Συμφωνία μεταξύ του γραφείου Onboarding Agency και του πελάτη ${client}`,
      `## Αντικείμενο\n\n${sections.scope}`,
      `## Παραδοτέα\n\n${sections.deliverables}`,
      `## Όροι πληρωμής\n\n${sections.paymentTerms}`,
      `## Εμπιστευτικότητα\n\n${sections.confidentiality}`,
    ].join("\n\n");
  let greek: Awaited<ReturnType<typeof leadWithContact>>;
  let started: any;

  beforeAll(async () => {
    greek = await leadWithContact(api, world.owner, "Ελαιώνας ΑΕ");
    started = await startOnboarding(world.owner, greek.clientId);
  });

  it("shows each reader the headings in their own language, hashed over exactly that text", async () => {
    // The owner reads English; the contact, until they choose Greek, too.
    expect(started.agreementText.startsWith("# Agreement between Onboarding Agency and Ελαιώνας ΑΕ\n\n## Scope\n\nA different scope.")).toBe(true);
    expect(started.agreementLocale).toBe("en");
    expect((await greek.contact.get("/onboarding/mine")).body.agreementText).toBe(started.agreementText);

    expect((await greek.contact.patch("/me", { locale: "el", name: "Ελένη Παπαδοπούλου" })).status).toBe(200);
    const mine = (await greek.contact.get("/onboarding/mine")).body;
    expect(mine.agreementText).toBe(greekText("Ελαιώνας ΑΕ"));
    expect(mine.agreementSha256).toBe(sha256(greekText("Ελαιώνας ΑΕ")));
    expect(mine.agreementSha256).not.toBe(started.agreementSha256);
    expect(mine.agreementLocale).toBe("el");

    // The owner's own language decides what the owner reads before the acceptance.
    expect((await world.owner.patch("/me", { locale: "hi" })).status).toBe(200);
    try {
      const owner = (await world.owner.get(`/onboarding/clients/${greek.clientId}`)).body;
      expect(owner.agreementText.split("\n\n").filter((line: string) => line.startsWith("#"))).toEqual([
        "# Onboarding Agency और Ελαιώνας ΑΕ के बीच अनुबंध",
        "## कार्य-क्षेत्र",
        "## डिलीवरेबल",
        "## भुगतान की शर्तें",
        "## गोपनीयता",
      ]);
      expect(owner.agreementSha256).toBe(sha256(owner.agreementText));
      expect(owner.agreementLocale).toBe("hi");
    } finally {
      await world.owner.patch("/me", { locale: "en" });
    }
  });

  it("refuses an acceptance hashed over the text in another language (409) and stores nothing", async () => {
    const reply = await greek.contact.post("/onboarding/mine/agreement", { version: started.version, fullName: "Ελένη Παπαδοπούλου", sha256: started.agreementSha256 });
    expect(reply.status).toBe(409);
    expect(reply.body.error.code).toBe("onboarding.agreement_changed");
    expect(reply.body.current.agreementText).toBe(greekText("Ελαιώνας ΑΕ"));
    const after = (await greek.contact.get("/onboarding/mine")).body;
    expect(after.version).toBe(started.version);
    expect(after.steps.agreement).toEqual({ done: false, at: null, by: null, fullName: null, ip: null, sha256: null });
  });

  it("keeps the Greek text accepted; the English owner and the contact in any language then read exactly it", async () => {
    const digest = sha256(greekText("Ελαιώνας ΑΕ"));
    const reply = await greek.contact.post("/onboarding/mine/agreement", { version: started.version, fullName: "Ελένη Παπαδοπούλου", sha256: digest });
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.steps.agreement).toMatchObject({ done: true, fullName: "Ελένη Παπαδοπούλου", sha256: digest });
    // The signed copy reads in the language it was signed in, whoever downloads it.
    const pdf = await world.owner.download(`/onboarding/clients/${greek.clientId}/agreement/pdf`);
    expect(pdf.status).toBe(200);
    const printed = (await pdfText(pdf.bytes)).replace(/\s+/g, " ");
    expect(printed).toContain("Υπογράφηκε από: Ελένη Παπαδοπούλου");
    expect(printed).toContain(digest);
    expect(reply.body.agreementText).toBe(greekText("Ελαιώνας ΑΕ"));

    const owner = (await world.owner.get(`/onboarding/clients/${greek.clientId}`)).body;
    expect((await world.owner.get("/me")).body.locale).toBe("en");
    expect(owner.agreementText).toBe(greekText("Ελαιώνας ΑΕ"));
    expect(owner.agreementSha256).toBe(digest);
    expect(owner.steps.agreement.sha256).toBe(digest);
    expect(owner.agreementLocale).toBe("el");
    const audit = (await world.owner.get("/audit?limit=10")).body.items;
    expect(audit.find((e: any) => e.action === "onboarding.agreement_accepted" && e.subject.id === greek.clientId).data).toMatchObject({ sha256: digest, locale: "el" });

    // Changing language afterwards changes nothing about what was accepted.
    expect((await greek.contact.patch("/me", { locale: "en" })).status).toBe(200);
    const mine = (await greek.contact.get("/onboarding/mine")).body;
    expect(mine.agreementText).toBe(greekText("Ελαιώνας ΑΕ"));
    expect(mine.agreementSha256).toBe(digest);
  });

  it("shows an onboarding kept before the parts were (composed text only) as it is, in every language, and accepts it", async () => {
    const old = await leadWithContact(api, world.owner, "Legacy Lane");
    const text = "# Agreement between Onboarding Agency and Legacy Lane\n\n## Scope\n\nAs it was composed then.";
    // An onboarding item as stored before the agreement's parts were kept.
    const { db } = await import("@baton/core/db");
    await db.entities.clientOnboarding
      .create({ agencyId: world.agency.agencyId, clientId: old.clientId, startedAt: "2026-11-01T09:00:00.000Z", questions: [], agreementText: text, welcomePacket: "", answers: {} })
      .go();
    expect((await old.contact.patch("/me", { locale: "el" })).status).toBe(200);
    const mine = (await old.contact.get("/onboarding/mine")).body;
    expect(mine).toMatchObject({ agreementText: text, agreementSha256: sha256(text), agreementLocale: "en" });
    expect((await world.owner.get(`/onboarding/clients/${old.clientId}`)).body.agreementText).toBe(text);
    const accepted = await old.contact.post("/onboarding/mine/agreement", { version: mine.version, fullName: "Lena Lead", sha256: sha256(text) });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.agreementText).toBe(text);
    expect(accepted.body.steps.agreement.sha256).toBe(sha256(text));
  });
});

describe("who may see and do what", () => {
  it("refuses subcontractors every onboarding route", async () => {
    for (const [method, path, body] of [
      ["GET", "/onboarding/kit"],
      ["PUT", "/onboarding/kit", kitBody(0)],
      ["GET", `/onboarding/clients/${lead.clientId}`],
      ["POST", `/onboarding/clients/${lead.clientId}/start`, {}],
      ["GET", "/onboarding/mine"],
      ["POST", "/onboarding/mine/packet", { version: 1 }],
    ] as const) {
      const reply = await world.sub.request(method, path, body);
      expect([403, 404], `${method} ${path}`).toContain(reply.status);
    }
  });

  it("shows a contact only their own company's onboarding, and keeps them off the owner's routes", async () => {
    // The world's contact belongs to another client of the same agency.
    const mine = await world.contact.get("/onboarding/mine");
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ clientId: world.ids.client, startedAt: null, agreementText: "", answers: {} });
    expect(JSON.stringify(mine.body)).not.toContain("Nova Bakery");
    const packet = await world.contact.post("/onboarding/mine/packet", { version: 1 });
    expect(packet.body.error.code).toBe("onboarding.not_started");
    for (const path of [`/onboarding/clients/${lead.clientId}`, "/onboarding/kit"]) {
      expect([403, 404], path).toContain((await world.contact.get(path)).status);
    }
    expect([403, 404]).toContain((await world.contact.post(`/onboarding/clients/${lead.clientId}/start`)).status);
  });

  it("hides this agency's clients from another agency (404) and gives it its own kit", async () => {
    const agency = await createAgency("Elsewhere Agency");
    const otherOwner = new ApiClient(api.baseUrl);
    await signIn(otherOwner, agency.ownerEmail);
    expect((await otherOwner.get(`/onboarding/clients/${lead.clientId}`)).status).toBe(404);
    const start = await otherOwner.post(`/onboarding/clients/${lead.clientId}/start`);
    expect(start.status).toBe(404);
    expect(start.body.error.code).toBe("not_found");
    expect((await otherOwner.get("/onboarding/kit")).body.version).toBe(0);
  });
});
