import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { Inbox } from "@baton/core/inbox";
import { allow } from "../access.ts";

export const inboxRoutes = new Hono().get(
  "/",
  describeRoute({ responses: ok(Inbox.output), tags: ["Inbox"], summary: "Your requests with unread messages or changes, newest first (the apps' unread count)" }),
  // Unread is a person's: an API key has none.
  allow(["owner", "subcontractor", "contact"], { apiKeys: "never" }),
  async (c) => c.json(await Inbox.mine(), 200),
);
