import { randomUUID } from "node:crypto";
import { z } from "zod";
import { assertOwnerInPerson, useActor } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { Brand } from "../agency/brand/index.ts";
import { invitationAttachment, type InvitePerson } from "../calendar/invite.ts";
import { ContactStore } from "../contact/store.ts";
import { Email } from "../email/index.ts";
import { invitationEmail } from "../email/templates/invitation.ts";
import { VisibleError } from "../error/index.ts";
import { idOf, instant, oneLine } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { MemberStore } from "../member/store.ts";

// "Propose this slot": every chosen person gets an email with the slot on their own clock, in
// their language, and an .ics invitation (METHOD:REQUEST) naming everyone, from the owner. Kept
// in the outbox and sent after the response, like an invoice's emails.

export const MAX_ATTENDEES = 20;

export const proposeSchema = z.strictObject({
  title: z
    .string({ error: "Give the meeting a title." })
    .transform(oneLine)
    .pipe(z.string().min(1, "Give the meeting a title.").max(200, "Keep the title under 200 characters.")),
  description: z.string({ error: "Enter a note as text." }).max(2000, "Keep the note under 2,000 characters.").optional(),
  start: instant("Choose when the meeting starts."),
  minutes: z.number({ error: "Choose how long the meeting lasts." }).int("Choose how long the meeting lasts.").min(5, "A meeting lasts at least 5 minutes.").max(480, "A meeting lasts at most 8 hours."),
  members: z.array(idOf("member", "Choose people of your team."), { error: "Choose people of your team." }).max(MAX_ATTENDEES, "Invite at most 20 people.").default([]),
  contacts: z.array(idOf("contact", "Choose people of the client."), { error: "Choose people of the client." }).max(MAX_ATTENDEES, "Invite at most 20 people.").default([]),
});

export type Proposal = { uid: string; start: string; end: string; invited: number };

type Person = InvitePerson & { locale: "en" | "el" | "hi"; timeZone: string };

const invalid = (fields: Record<string, string>) => new VisibleError("validation", "validation_failed", "Some fields need attention.", { fields });

export const propose = fn(proposeSchema, async (input): Promise<Proposal> => {
  const agencyId = assertOwnerInPerson();
  const actor = useActor();
  const memberIds = [...new Set(input.members)];
  const contactIds = [...new Set(input.contacts)];
  if (memberIds.length + contactIds.length === 0) throw invalid({ members: "Choose who to invite." });
  if (memberIds.length + contactIds.length > MAX_ATTENDEES) throw invalid({ members: "Invite at most 20 people." });
  if (Date.parse(input.start) < Date.now() - 5 * 60_000) throw invalid({ start: "That time has passed. Choose a slot to come." });

  const [agency, brand, organizer, members, contacts] = await Promise.all([
    Agency.current(),
    Brand.emailBrand(agencyId),
    actor.type === "member" ? MemberStore.load(agencyId, actor.memberId) : null,
    Promise.all(memberIds.map((id) => MemberStore.load(agencyId, id))),
    Promise.all(contactIds.map((id) => ContactStore.load(agencyId, id))),
  ]);
  if (!organizer) throw invalid({ members: "Choose who to invite." });
  const lostMember = members.findIndex((m) => !m || m.status === "removed");
  if (lostMember >= 0) throw invalid({ [`members.${lostMember}`]: "Choose people of your team." });
  const lostContact = contacts.findIndex((c) => !c || c.status === "removed" || c.status === "deactivated");
  if (lostContact >= 0) throw invalid({ [`contacts.${lostContact}`]: "Choose people of the client." });
  // One client's people at a time: an invitation lists everyone, and clients never see each other.
  if (new Set(contacts.map((c) => c!.clientId)).size > 1) throw invalid({ contacts: "Invite people of one client at a time." });

  const people: Person[] = [
    ...members.map((m) => ({ name: m!.name, email: m!.email, locale: m!.locale, timeZone: m!.timeZone })),
    ...contacts.map((c) => ({ name: c!.name, email: c!.email, locale: c!.locale, timeZone: c!.timeZone })),
  ];
  const uid = `${randomUUID()}@baton`;
  const start = input.start;
  const end = new Date(Date.parse(start) + input.minutes * 60_000).toISOString();
  const attachment = invitationAttachment({
    uid,
    stamp: new Date().toISOString(),
    start: { at: start },
    end: { at: end },
    summary: input.title,
    ...(input.description ? { description: input.description } : {}),
    organizer: { name: organizer.name, email: organizer.email },
    attendees: people.map(({ name, email }) => ({ name, email })),
  });
  await Email.later(
    people.map((person) => ({
      to: person.email,
      email: invitationEmail({
        locale: person.locale,
        timeZone: person.timeZone,
        kind: "meeting",
        title: input.title,
        when: { start, end },
        organizer: organizer.name,
        agency: brand?.name ?? agency.name,
        others: people.filter((other) => other.email !== person.email).map((other) => other.name),
        ...(input.description ? { description: input.description } : {}),
        attachment,
        brand,
      }),
    })),
  );
  return { uid, start, end, invited: people.length };
});
