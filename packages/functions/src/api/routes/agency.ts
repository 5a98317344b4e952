import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Agency } from "@baton/core/agency";
import { Audit } from "@baton/core/audit";
import { Rates } from "@baton/core/rates";
import { pageQuery } from "@baton/core/fields";
import { input } from "../validate.ts";

export const agencyRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Agency.output), tags: ["Agency"], summary: "Your agency (any signed-in person)" }), allow(["owner", "subcontractor", "contact"]), async (c) =>
    c.json(await Agency.current(), 200),
  )
  .patch(
    "/",
    describeRoute({ responses: ok(Agency.output, "The saved settings"), tags: ["Agency"], summary: "Change the agency's settings: name, payment instructions, survey frequency, working hours and holidays (owner)" }), allow("owner", { apiKeys: "never" }),
    input("json", Agency.update.schema),
    async (c) => c.json(await Agency.update(c.req.valid("json")), 200),
  )
  .get("/rates", describeRoute({ responses: ok(Rates.output), tags: ["Agency"], summary: "The exchange rates the owner keeps, to the agency's currency (owner)" }), allow("owner"), async (c) =>
    c.json(await Rates.list(), 200),
  )
  .put(
    "/rates",
    describeRoute({ responses: ok(Rates.output, "The kept rates"), tags: ["Agency"], summary: "Keep or replace the exchange rate from a currency to the agency's; no network lookups (owner)" }), allow("owner", { apiKeys: "never" }),
    input("json", Rates.set.schema),
    async (c) => c.json(await Rates.set(c.req.valid("json")), 200),
  )
  .delete("/rates/:currency", describeRoute({ responses: ok(Rates.output, "The kept rates"), tags: ["Agency"], summary: "Stop keeping a currency's exchange rate (owner)" }), allow("owner", { apiKeys: "never" }), async (c) =>
    c.json(await Rates.remove({ currency: c.req.param("currency") }), 200),
  );

export const auditRoutes = new Hono().get(
  "/",
  describeRoute({ responses: ok(Audit.listOutput), tags: ["Agency"], summary: "The agency's audit log, newest first (owner)" }), allow("owner"),
  input("query", pageQuery),
  async (c) => c.json(await Audit.listForAgency(c.req.valid("query")), 200),
);
