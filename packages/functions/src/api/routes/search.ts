import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Search } from "@baton/core/search";
import { allow } from "../access.ts";
import { ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Search"];

export const searchRoutes = new Hono().get(
  "/",
  describeRoute({ responses: ok(Search.findOutput), tags, summary: "Clients, requests, tasks, invoices and SOPs the viewer may open, by reference, title or name (team and portal)" }),
  allow(["owner", "subcontractor", "contact"]),
  input("query", Search.find.schema),
  async (c) => c.json(await Search.find(c.req.valid("query")), 200),
);
