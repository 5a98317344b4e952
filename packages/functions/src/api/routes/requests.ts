import { Hono } from "hono";
import { whole } from "@baton/core/fields";
import { describeRoute } from "hono-openapi";
import { created, ok } from "../responses.ts";
import { done } from "@baton/core/fields";
import { allow, check } from "../access.ts";
import { pageQuery } from "@baton/core/fields";
import { Message } from "@baton/core/message";
import { Inbox } from "@baton/core/inbox";
import { z } from "zod";
import { Request } from "@baton/core/request";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Requests"];
const activityQuery = z.strictObject({ since: z.string().max(200).optional() });

export const requestRoutes = new Hono()
  .get(
    "/",
    describeRoute({ responses: ok(Request.listOutput), tags, summary: "Requests: the owner's triage inbox (or by status or client); a contact's own company's" }), allow(["owner", "contact"]),
    input("query", Request.list.schema),
    async (c) => c.json(await Request.list(c.req.valid("query")), 200),
  )
  .post(
    "/",
    describeRoute({ responses: created(Request.output), tags, summary: "Submit a request (client contact; or the owner for a client)" }), allow(["owner", "contact"]),
    input("json", Request.submit.schema),
    async (c) => c.json(await Request.submit(c.req.valid("json")), 201),
  )
  .get("/:requestId", describeRoute({ responses: ok(Request.detailOutput), tags, summary: "A request with the tasks the caller may see" }), allow(["owner", "subcontractor", "contact"]), pathIds("requestId"), async (c) =>
    c.json(await Request.get(c.req.param("requestId")), 200),
  )
  .post(
    "/:requestId/accept",
    describeRoute({ responses: ok(Request.detailOutput), tags, summary: "Accept a submitted request as tasks (owner)" }), allow("owner"),
    pathIds("requestId"),
    input("json", Request.accept.schema),
    async (c) => c.json(await Request.accept(c.req.valid("json"), c.req.param("requestId")), 200),
  )
  .post(
    "/:requestId/decline",
    describeRoute({ responses: ok(Request.detailOutput), tags, summary: "Decline a submitted request with a reason the client sees (owner)" }), allow("owner"),
    pathIds("requestId"),
    input("json", Request.decline.schema),
    async (c) => c.json(await Request.decline(c.req.valid("json"), c.req.param("requestId")), 200),
  )
  .get("/:requestId/history", describeRoute({ responses: ok(Request.historyOutput), tags, summary: "The request's timeline (audit events the caller may see)" }), allow(["owner", "subcontractor", "contact"]), pathIds("requestId"), async (c) =>
    c.json(whole(await Request.history(c.req.param("requestId"))), 200),
  )
  .get(
    "/:requestId/messages",
    describeRoute({ responses: ok(Message.listOutput), tags, summary: "One of the request's threads, oldest first: the client thread, or the team's internal notes (team only)" }), allow(["owner", "subcontractor", "contact"]),
    pathIds("requestId"),
    input("query", Message.list.schema),
    async (c) => c.json(await Message.list(c.req.valid("query"), c.req.param("requestId")), 200),
  )
  .post(
    "/:requestId/messages",
    describeRoute({ responses: created(Message.output), tags, summary: "Write in the client thread or the internal notes, with files uploaded for it" }), allow(["owner", "subcontractor", "contact"]),
    check((c) => Request.loadVisible(c.req.param("requestId")!)),
    pathIds("requestId"),
    input("json", Message.post.schema),
    async (c) => c.json(await Message.post(c.req.valid("json"), c.req.param("requestId")), 201),
  )
  .get(
    "/:requestId/activity",
    describeRoute({ responses: ok(Message.activityOutput), tags, summary: "Anything new since a stamp? The request's status and threads, from one read (apps poll it while a conversation is open)" }),
    allow(["owner", "subcontractor", "contact"]),
    pathIds("requestId"),
    input("query", activityQuery),
    async (c) => c.json(await Message.activity(c.req.param("requestId"), c.req.valid("query").since), 200),
  )
  .post("/:requestId/read", describeRoute({ responses: ok(done), tags, summary: "Mark everything on the request read for you" }), allow(["owner", "subcontractor", "contact"], { apiKeys: "never", whileInactive: true }), pathIds("requestId"), async (c) => {
    const { item } = await Request.loadVisible(c.req.param("requestId"));
    await Inbox.markRead(item.agencyId, item.requestId);
    return c.json({ ok: true as const }, 200);
  });
