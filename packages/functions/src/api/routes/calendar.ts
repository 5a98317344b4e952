import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { created, media, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Calendar } from "@baton/core/calendar";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Calendar"];

// The deadline calendar and the private iCalendar feeds (built in packages/core/src/calendar).
// A feed is fetched by calendar apps with no cookie: its URL's token is the credential, so the
// route needs no session (GETs pass the CSRF guard) and answers 404 for any bad token.
export const calendarRoutes = new Hono()
  .get(
    "/month",
    describeRoute({ responses: ok(Calendar.monthOutput), tags, summary: "A month of open tasks' deadlines, days in your time zone (owner: everyone's, filterable; others: their own)" }), allow(["owner", "subcontractor"]),
    input("query", Calendar.month.schema),
    async (c) => c.json(await Calendar.month(c.req.valid("query")), 200),
  )
  // A POST: the first call makes the feed (a write), and a URL-bearing secret has no place in a GET's caches or logs.
  .post(
    "/feed-url",
    describeRoute({ responses: ok(Calendar.feedLinkOutput), tags, summary: "Your private calendar feed: made on first use, its URL shown only then (team member or client contact)" }), allow(["owner", "subcontractor", "contact"], { whileInactive: true }),
    async (c) => c.json(await Calendar.feedUrl(), 200),
  )
  .post(
    "/feed-url/rotate",
    describeRoute({ responses: created(Calendar.feedLinkOutput, "The new feed, its URL shown this once"), tags, summary: "Reset your calendar feed's URL; the old one stops working at once (team member or client contact)" }), allow(["owner", "subcontractor", "contact"], { whileInactive: true }),
    async (c) => c.json(await Calendar.rotateFeedUrl(), 201),
  )
  .get(
    "/feeds/:token",
    describeRoute({
      tags,
      summary: "A private iCalendar (RFC 5545) feed for calendar apps; its token is the credential, no session needed",
      security: [],
      responses: media("text/calendar", "An iCalendar feed"),
    }), allow("anyone"),
    pathIds("token"),
    async (c) =>
      new Response(await Calendar.feed(c.req.param("token")), {
        status: 200,
        headers: {
          "content-type": "text/calendar; charset=utf-8",
          "content-disposition": 'inline; filename="baton.ics"',
          // Personal data behind a secret URL: no shared caches, no search engines.
          "cache-control": "private, no-store",
          "x-robots-tag": "noindex",
        },
      }),
  );
