import { z } from "zod";
import { useActor, unauthenticated, forbidden } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { Identity } from "../identity/index.ts";
import type { MemberItem } from "../member/entity.ts";
import type { ContactItem } from "../contact/entity.ts";
import { locale, personName, timeZone } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { MemberStore } from "../member/store.ts";
import { ContactStore } from "../contact/store.ts";
import { VisibleError } from "../error/index.ts";
import { wants, type EmailSwitches } from "../notify/preferences.ts";
import { hoursChange, ownWeek, personalWeekSchema } from "../business-hours/index.ts";
import type { WorkingWeek } from "@baton/kernel/time";

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
  /** A client's own kinds: the weekly digest, feedback surveys, invoices and receipts. */
  digestEmails: boolean;
  surveyEmails: boolean;
  invoiceEmails: boolean;
  /** May review deliverables in QA. */
  reviewer: boolean;
  /** Their own working week on their own clock, or null: they keep the agency's. */
  workingWeek: WorkingWeek | null;
  agency: Agency.Agency;
  clientId?: string;
  /** A member's hours a week (their home shows the week's time against it). */
  weeklyCapacityHours?: number;
};

/** The signed-in person (member or client contact) and their agency. */
export async function get(): Promise<Me> {
  const actor = useActor();
  if (actor.type === "public") throw unauthenticated();
  // The person is the identity this request was authorized as (read once): no second read.
  const [agency, person] = await Promise.all([
    Agency.current(),
    actor.type === "member" ? Identity.member(actor.agencyId, actor.memberId) : actor.type === "contact" ? Identity.contact(actor.agencyId, actor.contactId) : null,
  ]);
  if (actor.type === "member") {
    const data = person as MemberItem | null;
    if (!data) throw unauthenticated();
    const { memberId: id, email, name, role, timeZone, locale } = data;
    return { kind: "member", id, email, name, role, timeZone, locale, ...switchesOf(data), reviewer: role === "owner" || Boolean(data.reviewer), workingWeek: ownWeek(data), agency, weeklyCapacityHours: data.weeklyCapacityHours };
  }
  if (actor.type === "contact") {
    const data = person as ContactItem | null;
    if (!data) throw unauthenticated();
    const { contactId: id, email, name, timeZone, locale, clientId } = data;
    return { kind: "contact", id, email, name, role: "client", timeZone, locale, ...switchesOf(data), reviewer: false, workingWeek: ownWeek(data), agency, clientId };
  }
  // API keys and jobs are not people.
  throw forbidden();
}

/** Each kind of email as the person's switch stands (members get no client kinds: shown as on). */
function switchesOf(person: EmailSwitches) {
  return {
    emailNotifications: wants(person, "handoffs"),
    messageEmails: wants(person, "messages"),
    digestEmails: wants(person, "digests"),
    surveyEmails: wants(person, "surveys"),
    invoiceEmails: wants(person, "invoices"),
  };
}

const clientKinds = ["digestEmails", "surveyEmails", "invoiceEmails"] as const;

export const updateSchema = z.strictObject({
  name: personName.optional(),
  timeZone: timeZone.optional(),
  locale: locale.optional(),
  emailNotifications: z.boolean({ error: "Choose on or off." }).optional(),
  messageEmails: z.boolean({ error: "Choose on or off." }).optional(),
  digestEmails: z.boolean({ error: "Choose on or off." }).optional(),
  surveyEmails: z.boolean({ error: "Choose on or off." }).optional(),
  invoiceEmails: z.boolean({ error: "Choose on or off." }).optional(),
  /** Their own working week; null gives it back to the agency's hours. */
  workingWeek: personalWeekSchema.nullable().optional(),
});

/** People edit their own name, time zone, language, email switches and working week. */
export const update = fn(updateSchema, async ({ workingWeek, ...rest }): Promise<Me> => {
  const actor = useActor();
  const hours = workingWeek === undefined ? null : hoursChange(workingWeek);
  const changes = { ...rest, ...(hours && "set" in hours ? hours.set : {}) };
  const remove = hours && "remove" in hours ? hours.remove : [];
  if (actor.type === "member") {
    const clientOnly = clientKinds.filter((kind) => changes[kind] !== undefined);
    if (clientOnly.length) {
      const message = "Only a client's people get these emails.";
      throw new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields: Object.fromEntries(clientOnly.map((kind) => [kind, message])) });
    }
    await MemberStore.patchSelf(actor.agencyId, actor.memberId, changes, remove);
  } else if (actor.type === "contact") {
    await ContactStore.patchSelf(actor.agencyId, actor.contactId, changes, remove);
  } else if (actor.type === "public") {
    throw unauthenticated();
  } else {
    throw forbidden();
  }
  return get();
});
