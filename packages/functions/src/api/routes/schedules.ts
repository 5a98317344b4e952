import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Schedules } from "@baton/core/schedule";
import { allow } from "../access.ts";
import { pathIds } from "../path-ids.ts";
import { created, noContent, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Recurring"];

// Recurring work (owner): a schedule per client makes a request and its tasks once per
// occurrence, in the client's time zone (the job: core/schedule/run.ts).
export const scheduleRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Schedules.listOutput), tags, summary: "The recurring schedules, by client; ?clientId= for one client's (owner)" }), allow("owner"), input("query", Schedules.list.schema), async (c) =>
    c.json(await Schedules.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Schedules.output), tags, summary: "Add a schedule: a client, a service or template, a rule, a time in the client's zone, dates and the usual assignee (owner)" }), allow("owner"), input("json", Schedules.create.schema), async (c) =>
    c.json(await Schedules.create(c.req.valid("json")), 201),
  )
  .get("/:scheduleId", describeRoute({ responses: ok(Schedules.output), tags, summary: "A schedule with its next occurrence (owner)" }), allow("owner"), pathIds("scheduleId"), async (c) => c.json(await Schedules.get(c.req.param("scheduleId")), 200))
  .patch("/:scheduleId", describeRoute({ responses: ok(Schedules.output), tags, summary: "Edit a schedule from the version read; its next occurrence is worked out again (owner)" }), allow("owner"), pathIds("scheduleId"), input("json", Schedules.update.schema), async (c) =>
    c.json(await Schedules.update(c.req.valid("json"), c.req.param("scheduleId")), 200),
  )
  .post("/:scheduleId/pause", describeRoute({ responses: ok(Schedules.output), tags, summary: "Pause a schedule; nothing is created while paused (owner)" }), allow("owner"), pathIds("scheduleId"), input("json", Schedules.pause.schema), async (c) =>
    c.json(await Schedules.pause(c.req.valid("json"), c.req.param("scheduleId")), 200),
  )
  .post("/:scheduleId/resume", describeRoute({ responses: ok(Schedules.output), tags, summary: "Resume a schedule from its next occurrence after now; paused ones are not caught up (owner)" }), allow("owner"), pathIds("scheduleId"), input("json", Schedules.resume.schema), async (c) =>
    c.json(await Schedules.resume(c.req.valid("json"), c.req.param("scheduleId")), 200),
  )
  .delete("/:scheduleId", describeRoute({ responses: noContent("Deleted; the requests it made stay"), tags, summary: "Delete a schedule (owner)" }), allow("owner"), pathIds("scheduleId"), async (c) => {
    await Schedules.remove(c.req.param("scheduleId"));
    return c.body(null, 204);
  });
