import { ApiClient, type Started } from "./http.ts";
import { uniqueEmail } from "./fixtures.ts";
import { acceptInvitation } from "./world.ts";

// Client onboarding set-ups for API and browser tests: a kit with one question of each kind, a
// lead client with a signed-in portal contact, and starting the onboarding.

export const sampleKit = {
  questions: [
    { kind: "text", label: "Company legal name", help: "As on your invoices.", required: true },
    { kind: "long_text", label: "What should we know about your business?", help: null, required: false },
    { kind: "choice", label: "Preferred channel", help: null, required: true, options: ["Email", "Phone", "Chat"] },
    { kind: "multi_choice", label: "Services wanted", help: null, required: false, options: ["Inbox", "Calendar", "Bookkeeping"] },
    { kind: "date", label: "Start date", help: null, required: true },
    { kind: "url", label: "Website", help: null, required: false },
  ],
  agreement: {
    scope: "Administrative support for the client's inbox and calendar.",
    deliverables: "A weekly summary every Friday.",
    paymentTerms: "Monthly in advance, net 15.",
    confidentiality: "Everything we see stays between us.",
  },
  welcomePacket: "# Welcome\n\nHere is **how we work** together.",
};

type KitBody = Partial<Omit<typeof sampleKit, "agreement">> & { agreement?: Partial<typeof sampleKit.agreement> };

/** Saves the kit (the sample, with `changes` over it) on whatever version is current; answers the saved kit. */
export async function saveKit(owner: ApiClient, changes: KitBody = {}) {
  const current = await owner.get("/onboarding/kit");
  if (current.status !== 200) throw new Error(`kit not read: ${current.status} ${JSON.stringify(current.body)}`);
  const body = { ...sampleKit, ...changes, agreement: { ...sampleKit.agreement, ...changes.agreement }, version: current.body.version };
  const saved = await owner.request("PUT", "/onboarding/kit", body);
  if (saved.status !== 200) throw new Error(`kit not saved: ${saved.status} ${JSON.stringify(saved.body)}`);
  return saved.body;
}

/** Starts a client's onboarding; answers the ClientOnboarding. */
export async function startOnboarding(owner: ApiClient, clientId: string) {
  const started = await owner.post(`/onboarding/clients/${clientId}/start`);
  if (started.status !== 200) throw new Error(`onboarding not started: ${started.status} ${JSON.stringify(started.body)}`);
  return started.body;
}

let leads = 0;

/** A new lead client with one portal contact who has accepted the invitation (signed in on `contact`). */
export async function leadWithContact(api: Started, owner: ApiClient, name = "Lead Co") {
  const code = `LD${++leads}${Math.floor(Math.random() * 10000)}`;
  const client = await owner.post("/clients", { name, code, timeZone: "Europe/Athens", currency: "EUR", status: "lead" });
  if (client.status !== 201) throw new Error(`client not created: ${client.status} ${JSON.stringify(client.body)}`);
  const email = uniqueEmail("lead");
  const contactName = "Lena Lead";
  const invited = await owner.post(`/clients/${client.body.id}/contacts`, { email, name: contactName, timeZone: "Europe/Athens" });
  if (invited.status !== 201) throw new Error(`contact not invited: ${invited.status} ${JSON.stringify(invited.body)}`);
  const contact = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contact, email);
  return { clientId: client.body.id as string, contactId: invited.body.id as string, contact, email, contactName };
}
