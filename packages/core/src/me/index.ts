import { z } from "zod";
import { useActor, unauthenticated, forbidden } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { db } from "../db/index.ts";
import { locale, personName, timeZone } from "../fields/index.ts";
import { fn } from "../fn/index.ts";

export * as Me from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

export type Me = {
  kind: "member" | "contact";
  id: string;
  email: string;
  name: string;
  role: "owner" | "subcontractor" | "client";
  timeZone: string;
  locale: "en" | "el" | "hi";
  /** Hand-off emails (new work, QA results, approvals); sign-in links always arrive. */
  emailNotifications: boolean;
  /** Emails about new messages in their requests' threads, several in one. */
  messageEmails: boolean;
  /** May review deliverables in QA. */
  reviewer: boolean;
  agency: Agency.Agency;
  clientId?: string;
};

/** The signed-in person (member or client contact) and their agency. */
export async function get(): Promise<Me> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  const agency = await Agency.current();
  if (actor.type === "member") {
    const { data } = await db.entities.member.get({ agencyId: actor.agencyId, memberId: actor.memberId }).go();
    if (!data) throw unauthenticated();
    const { memberId: id, email, name, role, timeZone, locale } = data;
    const emailNotifications = data.emailNotifications ?? true;
    const messageEmails = data.messageEmails ?? true;
    return { kind: "member", id, email, name, role, timeZone, locale, emailNotifications, messageEmails, reviewer: role === "owner" || Boolean(data.reviewer), agency };
  }
  if (actor.type === "contact") {
    const { data } = await db.entities.contact.get({ agencyId: actor.agencyId, contactId: actor.contactId }).go();
    if (!data) throw unauthenticated();
    const { contactId: id, email, name, timeZone, locale, clientId } = data;
    const emailNotifications = data.emailNotifications ?? true;
    const messageEmails = data.messageEmails ?? true;
    return { kind: "contact", id, email, name, role: "client", timeZone, locale, emailNotifications, messageEmails, reviewer: false, agency, clientId };
  }
  // API keys and jobs are not people.
  throw forbidden();
}

export const updateSchema = z.strictObject({
  name: personName.optional(),
  timeZone: timeZone.optional(),
  locale: locale.optional(),
  emailNotifications: z.boolean({ error: "Choose on or off." }).optional(),
  messageEmails: z.boolean({ error: "Choose on or off." }).optional(),
});

/** People edit their own name, time zone and language. */
export const update = fn(updateSchema, async (changes): Promise<Me> => {
  const actor = useActor();
  if (actor.type === "member") {
    await db.entities.member.patch({ agencyId: actor.agencyId, memberId: actor.memberId }).set(changes).add({ version: 1 }).go();
  } else if (actor.type === "contact") {
    await db.entities.contact.patch({ agencyId: actor.agencyId, contactId: actor.contactId }).set(changes).add({ version: 1 }).go();
  } else if (actor.type === "public") {
    throw unauthenticated();
  } else {
    throw forbidden();
  }
  return get();
});
