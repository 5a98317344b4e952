import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { I18n } from "@baton/core/i18n";
import { ApiClient, startApi, type Started } from "../support/http.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Server-made text reads in the reader's language: API errors (message and field messages), the
// lines Baton writes on invoices, the print page and the calendar feed. A signed-in person's saved
// language decides; without one, the request's Accept-Language (the apps send the language on screen).

let api: Started;
let world: World;

beforeAll(async () => {
  // Translated directly below too, not only by the API (which loads the catalogs on first use).
  await I18n.loadMessages();
  api = await startApi();
  world = await createWorld(api, "Languages Agency");
});
afterAll(() => api.close());

async function speak(client: ApiClient, locale: "en" | "el" | "hi") {
  const saved = await client.patch("/me", { locale });
  expect(saved.status).toBe(200);
  expect(saved.body.locale).toBe(locale);
}

describe("API errors", () => {
  it("are in the signed-in person's saved language, field messages too, whatever the browser asks for", async () => {
    await speak(world.owner, "en");
    const bad = { name: "", code: "!", timeZone: "Mars/Olympus", currency: "DOLLARS" };
    const english = await world.owner.post("/clients", bad);
    expect(english.status).toBe(400);
    expect(english.body.error.message).toBe("Some fields need attention.");
    const englishFields: Record<string, string> = english.body.error.fields;
    expect(Object.keys(englishFields).length).toBeGreaterThanOrEqual(3);

    await speak(world.owner, "el");
    // The saved language wins over the header: the apps send the one on screen, which follows it.
    const greek = await world.owner.request("POST", "/clients", bad, { "accept-language": "en" });
    expect(greek.status).toBe(400);
    expect(greek.body.error.code).toBe("validation_failed");
    expect(greek.body.error.message).toBe("Ορισμένα πεδία χρειάζονται διόρθωση.");
    expect(greek.headers.get("content-language")).toBe("el");
    expect(Object.keys(greek.body.error.fields).sort()).toEqual(Object.keys(englishFields).sort());
    for (const [field, message] of Object.entries(englishFields)) {
      expect(greek.body.error.fields[field]).toBe(I18n.translateMessage("el", message));
      expect(greek.body.error.fields[field], field).not.toBe(message);
    }
    await speak(world.owner, "en");
  });

  it("fill run-time parts into the translation", async () => {
    await speak(world.owner, "hi");
    const { task } = await acceptedTask(world, { title: "Hindi reader" });
    const assigned = await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });
    expect(assigned.status).toBe(200);
    const again = await world.owner.post(`/tasks/${task.id}/assign`, { version: assigned.body.task.version, memberId: world.ids.sub });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("task.already_assigned");
    expect(again.body.error.message).toBe(`यह टास्क पहले से ${world.people.sub.name} को सौंपा गया है।`);
    const missing = await world.owner.get("/tasks/tsk_00000000000000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe("टास्क नहीं मिला।");
    await speak(world.owner, "en");
  });

  it("follow Accept-Language when nobody is signed in, and default to English", async () => {
    const visitor = new ApiClient(api.baseUrl, "web");
    const hindi = await visitor.request("POST", "/auth/verify", { token: "not-a-real-token" }, { "accept-language": "hi-IN,hi;q=0.9,en;q=0.5" });
    expect(hindi.status).toBe(401);
    expect(hindi.body.error.code).toBe("auth.link_invalid");
    expect(hindi.body.error.message).toBe("यह साइन-इन लिंक मान्य नहीं है। कृपया नया लिंक माँगें।");
    const english = await visitor.request("POST", "/auth/verify", { token: "not-a-real-token" }, { "accept-language": "de-DE" });
    expect(english.body.error.message).toBe("This sign-in link is not valid. Please ask for a new one.");
    // Refused before anyone is known (no app header), and a route that does not exist.
    const csrf = await new ApiClient(api.baseUrl, null).request("POST", "/clients", {}, { "accept-language": "el" });
    expect(csrf.status).toBe(403);
    expect(csrf.body.error.message).toBe(I18n.translateMessage("el", "This request is missing the x-baton-app header that proves it comes from a Baton app."));
    expect(csrf.body.error.message).toMatch(/^Από το αίτημα/);
    const route = await visitor.request("GET", "/no-such-route", undefined, { "accept-language": "hi" });
    expect(route.status).toBe(404);
    expect(route.body.error.message).toBe("ऐसा कोई API रूट नहीं है।");
  });
});

describe("invoices", () => {
  let deposit: any;
  let final: any;

  beforeAll(async () => {
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, billing: { depositRate: 5000, taxRate: 1000, taxName: "GST" } });
    const pkg = (await world.owner.post("/packages", { name: "Brand kit", deliverables: ["Logo", "Palette"], prices: [{ currency: "USD", amount: 100000 }] })).body;
    const line = { kind: "package", packageId: pkg.id, quantity: 1 };
    const draft = await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [line], deposit: {} });
    expect(draft.status).toBe(201);
    deposit = (await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version })).body;
    final = (await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: false, lines: [line], deductDeposits: [deposit.id] })).body;
    final = (await world.owner.post(`/invoices/${final.id}/send`, { version: final.version })).body;
    await world.owner.post(`/invoices/${final.id}/payments`, { amount: 1000, method: "bank_transfer" });
  });

  it("show the lines Baton wrote in each reader's language, and what people typed as typed", async () => {
    await speak(world.contact, "hi");
    await speak(world.owner, "el");
    const forClient = await world.contact.get(`/invoices/${deposit.id}`);
    expect(forClient.body.lines[0].description).toBe("50% अग्रिम राशि: Brand kit: Logo; Palette");
    const forOwner = await world.owner.get(`/invoices/${deposit.id}`);
    expect(forOwner.body.lines[0].description).toBe("Προκαταβολή 50%: Brand kit: Logo; Palette");
    const finalForOwner = await world.owner.get(`/invoices/${final.id}`);
    expect(finalForOwner.body.lines[0].description).toBe("Brand kit: Logo; Palette");
    expect(finalForOwner.body.lines.at(-1).description).toBe(`Μείον προκαταβολή ${deposit.number}`);
    expect((await world.contact.get(`/invoices/${final.id}`)).body.lines.at(-1).description).toBe(`घटाएँ: अग्रिम राशि ${deposit.number}`);
    // Lists too, and English for an English reader.
    const listed = await world.contact.get("/invoices");
    expect(listed.body.items.find((item: any) => item.id === deposit.id).lines[0].description).toMatch(/^50% अग्रिम राशि/);
    await speak(world.owner, "en");
    expect((await world.owner.get(`/invoices/${deposit.id}`)).body.lines[0].description).toBe("50% deposit: Brand kit: Logo; Palette");
  });

  it("print in the reader's language", async () => {
    await speak(world.contact, "hi");
    const page = await world.contact.request("GET", `/invoices/${final.id}/print`);
    expect(page.status).toBe(200);
    const html = page.body as string;
    expect(html).toContain('<html lang="hi">');
    expect(html).toContain(`<h1>इनवॉइस ${final.number}</h1>`);
    for (const label of ["बिल पाने वाला", "विवरण", "उप-योग", "GST (10%)", "बकाया राशि", "प्राप्त भुगतान", "बैंक ट्रांसफ़र", `घटाएँ: अग्रिम राशि ${deposit.number}`])
      expect(html, label).toContain(label);
    expect(html).not.toMatch(/Balance due|Bill to|Payments received/);

    await speak(world.contact, "el");
    const greek = (await world.contact.request("GET", `/invoices/${final.id}/print`)).body as string;
    expect(greek).toContain(`<h1>Τιμολόγιο ${final.number}</h1>`);
    for (const label of ["Προς", "Υπόλοιπο προς πληρωμή", "Τραπεζική μεταφορά", `Μείον προκαταβολή ${deposit.number}`]) expect(greek, label).toContain(label);
    await speak(world.contact, "en");
  });
});

describe("calendar feeds", () => {
  it("read in their owner's saved language, fetched without a session", async () => {
    const { task } = await acceptedTask(world, { title: "Feed in Greek" });
    await speak(world.owner, "el");
    const url = (await world.owner.post("/calendar/feed-url")).body.url as string;
    const feed = await (await fetch(url.replace(/^https?:\/\/[^/]+/, api.baseUrl), { headers: { "accept-language": "en" } })).text();
    const calendar = new ICAL.Component(ICAL.parse(feed));
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Languages Agency · Προθεσμίες");
    const event = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent)).find((e) => e.uid === `${task.id}@baton`)!;
    expect(event.description).toContain("Πελάτης: Acme Corp");
    expect(event.description).toContain("Κατάσταση: Προς εκτέλεση");
    expect(event.description).toContain("Υπεύθυνος: Χωρίς ανάθεση");
    await speak(world.owner, "en");

    await speak(world.contact, "hi");
    const contactUrl = (await world.contact.post("/calendar/feed-url")).body.url as string;
    const contactFeed = await (await fetch(contactUrl.replace(/^https?:\/\/[^/]+/, api.baseUrl))).text();
    const contactEvents = new ICAL.Component(ICAL.parse(contactFeed)).getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
    expect(contactEvents.find((e) => e.uid === `${task.id}@baton`)!.description).toContain("स्थिति: करना है");
    expect(contactFeed).toContain("समय-सीमाएँ");
    await speak(world.contact, "en");
  });
});
