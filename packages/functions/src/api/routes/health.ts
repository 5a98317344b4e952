import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { Health } from "@baton/core/health";
import { allow } from "../access.ts";

export const healthRoutes = new Hono().get(
  "/",
  describeRoute({
    tags: ["Health"],
    summary: "Is the API up and can it read its table (for uptime checks and after a deploy)",
    responses: { ...ok(Health.output, "Healthy"), 503: { description: "The table can't be reached" } },
  }),
  allow("anyone"),
  async (c) => c.json(await Health.check(), 200),
);
