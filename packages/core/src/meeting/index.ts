// The meeting planner's server side: who can be met with and their hours, proposing a slot to
// several people, and a task's due date sent to its assignee's calendar. The week arithmetic
// (shared hours, the least-bad slot) is the kernel's (@baton/kernel/time), run by the team app.
export * as Meeting from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

export { people, peopleSchema, type Attendee, type PlannerPeople } from "./people.ts";
export { propose, proposeSchema, MAX_ATTENDEES, type Proposal } from "./propose.ts";
export { dueEvent, sendTaskDue } from "./task-due.ts";
