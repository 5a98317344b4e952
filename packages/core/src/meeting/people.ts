import { z } from "zod";
import { assertOwnerInPerson } from "../actor/index.ts";
import { Agency } from "../agency/index.ts";
import { effectiveWeek, ownWeek } from "../business-hours/index.ts";
import { ContactStore } from "../contact/store.ts";
import { notFound } from "../error/index.ts";
import { idOf } from "../fields/index.ts";
import { fn } from "../fn/index.ts";
import { MemberStore } from "../member/store.ts";
import type { WorkingWeek } from "@baton/kernel/time";

// Who the planner can meet with: the team, and one client's people, each with the hours they
// keep (their own, else the agency's) in their own zone.

export type Attendee = {
  kind: "member" | "contact";
  id: string;
  name: string;
  timeZone: string;
  workingWeek: WorkingWeek;
  /** True when they set their own hours; false: the agency's. */
  ownHours: boolean;
};

export type PlannerPeople = { members: Attendee[]; contacts: Attendee[] };

export const peopleSchema = z.strictObject({ client: idOf("client", "Choose a client.").optional() });

const current = (status: string) => status === "invited" || status === "active";

/** The team (not those who left) and, given a client, its people who can still sign in, by name. */
export const people = fn(peopleSchema, async ({ client }): Promise<PlannerPeople> => {
  const agencyId = assertOwnerInPerson();
  const [agency, team, company] = await Promise.all([Agency.current(), MemberStore.ofAgency(agencyId), client ? ContactStore.withClient(agencyId, client) : null]);
  if (client && !company?.client) throw notFound("The client");
  // Members keep the agency's days off with its hours; a client's people keep their own calendar.
  const agencyWeek: WorkingWeek = { ...agency.workingWeek, holidays: agency.holidays };
  const byName = (a: Attendee, b: Attendee) => a.name.localeCompare(b.name);
  return {
    members: team
      .filter((m) => current(m.status))
      .map((m): Attendee => ({ kind: "member", id: m.memberId, name: m.name, timeZone: m.timeZone, workingWeek: effectiveWeek(m, agencyWeek), ownHours: ownWeek(m) !== null }))
      .sort(byName),
    contacts: (company?.contacts ?? [])
      .filter((c) => current(c.status))
      .map((c): Attendee => ({ kind: "contact", id: c.contactId, name: c.name, timeZone: c.timeZone, workingWeek: effectiveWeek(c, agency.workingWeek), ownHours: ownWeek(c) !== null }))
      .sort(byName),
  };
});
