import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Meeting } from "@baton/core/meeting";
import { input } from "../validate.ts";

const tags = ["Meeting planner"];

// The meeting planner (owner): the people it can plan with and their hours, and proposing a slot,
// which emails each of them a calendar invitation. The week itself is worked out in the app.
export const plannerRoutes = new Hono()
  .get(
    "/people",
    describeRoute({ responses: ok(Meeting.peopleOutput), tags, summary: "The team and one client's people, each with their working hours and zone (owner)" }), allow("owner"),
    input("query", Meeting.people.schema),
    async (c) => c.json(await Meeting.people(c.req.valid("query")), 200),
  )
  .post(
    "/proposals",
    describeRoute({ responses: ok(Meeting.proposalOutput), tags, summary: "Propose a slot: each person gets an email with a calendar invitation (.ics) (owner)" }), allow("owner"),
    input("json", Meeting.propose.schema),
    async (c) => c.json(await Meeting.propose(c.req.valid("json")), 200),
  );
