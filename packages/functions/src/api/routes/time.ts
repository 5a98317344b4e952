import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { created, noContent, ok } from "../responses.ts";
import { allow, check } from "../access.ts";
import { Timesheet } from "@baton/core/timesheet";
import { Invoices } from "@baton/core/invoice";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Time"];

export const timeRoutes = new Hono()
  .get("/timer", describeRoute({ responses: ok(Timesheet.timerStateOutput), tags, summary: "My running timer, or null (team member)" }), allow(["owner", "subcontractor"]), async (c) => c.json(await Timesheet.timer(), 200))
  .post("/timer/start", describeRoute({ responses: created(Timesheet.timerStateOutput, "The running timer"), tags, summary: "Start my timer on a task; one runs at a time (team member)" }), allow(["owner", "subcontractor"]), input("json", Timesheet.start.schema), async (c) =>
    c.json(await Timesheet.start(c.req.valid("json")), 201),
  )
  .post("/timer/stop", describeRoute({ responses: created(Timesheet.timerStateOutput, "No timer, and the entry recorded"), tags, summary: "Stop my timer and record the entry (team member)" }), allow(["owner", "subcontractor"]), input("json", Timesheet.stop.schema), async (c) =>
    c.json(await Timesheet.stop(c.req.valid("json")), 201),
  )
  .get("/week", describeRoute({ responses: ok(Timesheet.weekOutput), tags, summary: "A member's timesheet for a week in their time zone (own; owner: anyone's)" }), allow(["owner", "subcontractor"]), input("query", Timesheet.week.schema), async (c) =>
    c.json(await Timesheet.week(c.req.valid("query")), 200),
  )
  .get("/team", describeRoute({ responses: ok(Timesheet.teamWeekOutput), tags, summary: "The team's hours in a week (each member's own zone) against their capacity (owner)" }), allow("owner"), input("query", Timesheet.teamWeek.schema), async (c) =>
    c.json(await Timesheet.teamWeek(c.req.valid("query")), 200),
  )
  .post("/week/submit", describeRoute({ responses: ok(Timesheet.weekOutput), tags, summary: "Submit my week (Monday to Sunday in my zone) for approval (team member)" }), allow(["owner", "subcontractor"]), input("json", Timesheet.submitWeek.schema), async (c) =>
    c.json(await Timesheet.submitWeek(c.req.valid("json")), 200),
  )
  .get("/approvals", describeRoute({ responses: ok(Timesheet.waitingOutput), tags, summary: "Submitted time waiting for review, per member and week (owner and reviewers)" }), allow(["owner", "subcontractor"]), async (c) =>
    c.json(await Timesheet.waiting(), 200),
  )
  .post("/approvals/approve", describeRoute({ responses: ok(Timesheet.decisionOutput), tags, summary: "Approve submitted time: it is locked, counts against a retainer and can be invoiced (owner and reviewers)" }), allow(["owner", "subcontractor"]), check(() => Timesheet.assertReviewer()), input("json", Timesheet.approve.schema), async (c) =>
    c.json(await Timesheet.approve(c.req.valid("json")), 200),
  )
  .post("/approvals/return", describeRoute({ responses: ok(Timesheet.decisionOutput), tags, summary: "Return time to its member with a note to fix (owner and reviewers)" }), allow(["owner", "subcontractor"]), check(() => Timesheet.assertReviewer()), input("json", Timesheet.returnEntries.schema), async (c) =>
    c.json(await Timesheet.returnEntries(c.req.valid("json")), 200),
  )
  .get("/unbilled", describeRoute({ responses: ok(Invoices.unbilledTimeOutput), tags, summary: "A client's billable time not yet invoiced, and the rounding rule it will be billed by (owner)" }), allow("owner"), input("query", Invoices.unbilledTime.schema), async (c) =>
    c.json(await Invoices.unbilledTime(c.req.valid("query")), 200),
  )
  .get("/task/:taskId", describeRoute({ responses: ok(Timesheet.forTaskOutput), tags, summary: "Time on a task against its estimate (owner and assignee)" }), allow(["owner", "subcontractor"]), pathIds("taskId"), async (c) =>
    c.json(await Timesheet.forTask(c.req.param("taskId")), 200),
  )
  .post("/", describeRoute({ responses: created(Timesheet.entryOutput), tags, summary: "Log time by hand on a task (or, owner, for a client)" }), allow(["owner", "subcontractor"]), input("json", Timesheet.create.schema), async (c) =>
    c.json(await Timesheet.create(c.req.valid("json")), 201),
  )
  .patch("/:entryId", describeRoute({ responses: ok(Timesheet.entryOutput), tags, summary: "Correct a time entry until it is approved" }), allow(["owner", "subcontractor"]), check((c) => Timesheet.assertOwnEntry(c.req.param("entryId")!)), pathIds("entryId"), input("json", Timesheet.update.schema), async (c) =>
    c.json(await Timesheet.update(c.req.valid("json"), c.req.param("entryId")), 200),
  )
  .delete("/:entryId", describeRoute({ responses: noContent("Deleted"), tags, summary: "Delete a time entry until it is approved; ?version= the version you read" }), allow(["owner", "subcontractor"]), check((c) => Timesheet.assertOwnEntry(c.req.param("entryId")!)), pathIds("entryId"), input("query", Timesheet.remove.schema), async (c) => {
    await Timesheet.remove(c.req.valid("query"), c.req.param("entryId"));
    return c.body(null, 204);
  });
