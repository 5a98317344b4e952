import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { HourBank } from "@baton/core/hour-bank";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Hour bank"];

// Retainer hour banks (owner): the ledger per client and period, adjustments, rollover policies.
export const hourBankRoutes = new Hono()
  .get("/policy", describeRoute({ responses: ok(HourBank.policyOutput), tags, summary: "The agency's default rollover policy (owner)" }), allow("owner"), async (c) => c.json(await HourBank.agencyPolicy(), 200))
  .patch("/policy", describeRoute({ responses: ok(HourBank.policyOutput), tags, summary: "Set the agency's default rollover policy (owner)" }), allow("owner"), input("json", HourBank.setAgencyPolicy.schema), async (c) =>
    c.json(await HourBank.setAgencyPolicy(c.req.valid("json")), 200),
  )
  .get("/clients/:clientId", describeRoute({ responses: ok(HourBank.output), tags, summary: "A client's hour bank: balance, periods and entries (owner)" }), allow("owner"), pathIds("clientId"), async (c) =>
    c.json(await HourBank.forClient(c.req.param("clientId")), 200),
  )
  .patch("/clients/:clientId/policy", describeRoute({ responses: ok(HourBank.clientPolicyOutput), tags, summary: "A client's own rollover policy; null for the agency's default (owner)" }), allow("owner"), pathIds("clientId"), input("json", HourBank.setClientPolicy.schema), async (c) =>
    c.json(await HourBank.setClientPolicy(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .patch("/clients/:clientId/transparency", describeRoute({ responses: ok(HourBank.transparencyOutput), tags, summary: "What the client's contacts see of its hour bank: full, totals or hidden (owner)" }), allow("owner"), pathIds("clientId"), input("json", HourBank.setTransparency.schema), async (c) =>
    c.json(await HourBank.setTransparency(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .post("/clients/:clientId/adjustments", describeRoute({ responses: ok(HourBank.output), tags, summary: "Add or take away hours in the open period, with a reason (owner)" }), allow("owner"), pathIds("clientId"), input("json", HourBank.adjust.schema), async (c) =>
    c.json(await HourBank.adjust(c.req.valid("json"), c.req.param("clientId")), 200),
  );
