import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { FirstRun } from "@baton/core/first-run";
import { allow } from "../access.ts";
import { ok } from "../responses.ts";

// The owner's first-run checklist on Home: items read from the data; dismissing is the one thing stored.
export const firstRunRoutes = new Hono()
  .get("/", describeRoute({ tags: ["Agency"], summary: "The first-run checklist: what a new agency has done so far", responses: ok(FirstRun.output) }), allow("owner"), async (c) =>
    c.json(await FirstRun.get(), 200),
  )
  .post("/dismiss", describeRoute({ tags: ["Agency"], summary: "Put the first-run checklist away", responses: ok(FirstRun.output) }), allow("owner"), async (c) =>
    c.json(await FirstRun.dismiss(), 200),
  );
