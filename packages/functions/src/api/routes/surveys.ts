import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Surveys } from "@baton/core/survey";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Surveys"];
// The score links work without signing in: the signed token in the link is the credential.
const publicRoute = { security: [] };

// Feedback surveys: CSAT after approval, NPS check-ins, one-click score links (packages/core/src/survey).
export const surveyRoutes = new Hono()
  .get(
    "/respond/:token",
    describeRoute({
      tags,
      ...publicRoute,
      summary: "A survey link's page: the agency, the question, whether it is answered or closed (no sign-in; records nothing)",
      responses: { ...ok(Surveys.pageOutput, "The survey as its page shows it"), 404: { description: "The link is not valid" } },
    }), allow("anyone"),
    pathIds("token"),
    async (c) => c.json(await Surveys.view(c.req.param("token")), 200),
  )
  .post(
    "/respond",
    describeRoute({
      tags,
      ...publicRoute,
      summary: "Record the score of a survey link (no sign-in; the first score wins)",
      responses: {
        ...ok(Surveys.pageOutput, "Recorded: the page as it shows now"),
        404: { description: "The link is not valid" },
        409: { description: "Already answered (survey.answered; `current` has the score)" },
        410: { description: "The link has expired (survey.expired)" },
      },
    }), allow("anyone"),
    input("json", Surveys.respond.schema),
    async (c) => c.json(await Surveys.respond(c.req.valid("json")), 200),
  )
  .post(
    "/respond/comment",
    describeRoute({
      tags,
      ...publicRoute,
      summary: "Add the optional comment to an answered survey, once, within 24 hours of the score (no sign-in)",
      responses: {
        ...ok(Surveys.pageOutput, "Saved: the page as it shows now"),
        404: { description: "The link is not valid" },
        409: { description: "A comment was already added (survey.commented)" },
        410: { description: "More than 24 hours since the score (survey.comment_closed)" },
      },
    }), allow("anyone"),
    input("json", Surveys.comment.schema),
    async (c) => c.json(await Surveys.comment(c.req.valid("json")), 200),
  )
  .get(
    "/summary",
    describeRoute({ responses: ok(Surveys.summaryOutput), tags, summary: "NPS and CSAT by month, per client and per subcontractor, and the low scores to follow up; ?from=&to= months (owner)" }), allow("owner"),
    input("query", Surveys.summary.schema),
    async (c) => c.json(await Surveys.summary(c.req.valid("query")), 200),
  )
  .post(
    "/:surveyId/follow-up",
    describeRoute({ responses: ok(Surveys.responseOutput), tags, summary: "Mark a low score followed up, with an optional note (owner)" }), allow("owner"),
    pathIds("surveyId"),
    input("json", Surveys.followUp.schema),
    async (c) => c.json(await Surveys.followUp(c.req.valid("json"), c.req.param("surveyId")), 200),
  );
