import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Me } from "@baton/core/me";
import { input } from "../validate.ts";

export const meRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Me.output), tags: ["Me"], summary: "The signed-in person" }), allow(["owner", "subcontractor", "contact"]), async (c) => c.json(await Me.get(), 200))
  .patch(
    "/",
    describeRoute({ responses: ok(Me.output), tags: ["Me"], summary: "Update your name, time zone or language" }), allow(["owner", "subcontractor", "contact"], { whileInactive: true }),
    input("json", Me.update.schema),
    async (c) => c.json(await Me.update(c.req.valid("json")), 200),
  );
