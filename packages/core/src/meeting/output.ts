import { z } from "zod";
import { workingWeekOutput } from "../agency/output.ts";
import type { Attendee, PlannerPeople } from "./people.ts";
import type { Proposal } from "./propose.ts";

const attendee = z
  .object({
    kind: z.enum(["member", "contact"]),
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    workingWeek: workingWeekOutput,
    ownHours: z.boolean(),
  })
  .meta({ id: "PlannerAttendee" }) satisfies z.ZodType<Attendee>;

/** GET /planner/people. */
export const peopleOutput = z.object({ members: z.array(attendee), contacts: z.array(attendee) }).meta({ id: "PlannerPeople" }) satisfies z.ZodType<PlannerPeople>;

/** POST /planner/proposals. */
export const proposalOutput = z.object({ uid: z.string(), start: z.string(), end: z.string(), invited: z.number().int() }).meta({ id: "MeetingProposal" }) satisfies z.ZodType<Proposal>;

/** POST /tasks/:id/calendar-invitation. */
export const taskInvitationOutput = z.object({ uid: z.string(), to: z.string() }).meta({ id: "TaskCalendarInvitation" });
