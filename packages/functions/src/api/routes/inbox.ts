import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Inbox } from "@baton/core/inbox";

export const inboxRoutes = new Hono().get(
  "/",
  describeRoute({ tags: ["Inbox"], summary: "Your requests with unread messages or changes, newest first (the apps' unread count)" }),
  async (c) => c.json(await Inbox.mine(), 200),
);
