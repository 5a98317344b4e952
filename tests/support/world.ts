import { ApiClient, linkTokenFor, signIn, type Started } from "./http.ts";
import { createAgency, uniqueEmail } from "./fixtures.ts";

let codes = 0;

/** Follows the invitation emailed to `email`, the way the invited person does. */
export async function acceptInvitation(client: ApiClient, email: string) {
  const token = await linkTokenFor(email);
  const reply = await client.post("/auth/verify", { token });
  if (reply.status !== 200) throw new Error(`invitation not accepted: ${reply.status} ${JSON.stringify(reply.body)}`);
}

/**
 * An agency with the people of the pipeline, each signed in through their emailed link: the
 * owner, two subcontractors (one a QA reviewer), and a client with one portal contact.
 */
export async function createWorld(api: Started, name = "Pipeline Agency") {
  const agency = await createAgency(name);
  const owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);

  const people = {
    sub: { email: uniqueEmail("sub"), name: "Sam Writer" },
    other: { email: uniqueEmail("other"), name: "Maria Reviewer" },
    contact: { email: uniqueEmail("contact"), name: "Ada Client" },
  };
  const sub = await owner.post("/members", { ...people.sub, skills: ["Writing", "Research"], timeZone: "Asia/Kolkata", weeklyCapacityHours: 30 });
  const other = await owner.post("/members", { ...people.other, skills: ["Design"], timeZone: "Europe/Athens", weeklyCapacityHours: 20 });
  await owner.patch(`/members/${other.body.id}`, { version: other.body.version, reviewer: true });
  const code = `PL${++codes}${Math.floor(Math.random() * 1000)}`;
  const client = await owner.post("/clients", { name: "Acme Corp", code, timeZone: "America/New_York", currency: "USD", status: "active" });
  const contact = await owner.post(`/clients/${client.body.id}/contacts`, { ...people.contact, timeZone: "America/New_York" });

  const subApi = new ApiClient(api.baseUrl);
  await acceptInvitation(subApi, people.sub.email);
  const otherApi = new ApiClient(api.baseUrl);
  await acceptInvitation(otherApi, people.other.email);
  const contactApi = new ApiClient(api.baseUrl, "portal");
  await acceptInvitation(contactApi, people.contact.email);

  return {
    agency,
    owner,
    sub: subApi,
    reviewer: otherApi,
    contact: contactApi,
    ids: { sub: sub.body.id as string, reviewer: other.body.id as string, client: client.body.id as string, contact: contact.body.id as string },
    code,
    people,
  };
}

export type World = Awaited<ReturnType<typeof createWorld>>;

/** A request submitted by the world's contact and accepted as one task, following `sopId` if given. */
export async function acceptedTask(world: World, options: { sopId?: string; title?: string; dueInDays?: number } = {}) {
  const submitted = await world.contact.post("/requests", {
    title: options.title ?? "Monthly newsletter",
    description: "Draft and schedule the December newsletter.",
    service: "Content",
  });
  const dueAt = new Date(Date.now() + (options.dueInDays ?? 5) * 24 * 3600_000).toISOString();
  const accepted = await world.owner.post(`/requests/${submitted.body.id}/accept`, {
    version: submitted.body.version,
    tasks: [{ title: options.title ?? "Write the newsletter", estimateHours: 3, dueAt, skills: ["Writing"], ...(options.sopId ? { sopId: options.sopId } : {}) }],
  });
  if (accepted.status !== 200) throw new Error(`accept failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { request: accepted.body.request, task: accepted.body.tasks[0] };
}
