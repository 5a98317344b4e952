import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { HourBank } from "@baton/core/hour-bank";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";
import { clientIp } from "../client-ip.ts";

const tags = ["Hour bank"];
// The consent links work without signing in: the signed token in the link is the credential.
const publicRoute = { security: [] };

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
  )
  .get("/overage", describeRoute({ responses: ok(HourBank.overageOutput), tags, summary: "The agency's default overage policy: bill, ask first, or pause (owner)" }), allow("owner"), async (c) => c.json(await HourBank.agencyOverage(), 200))
  .patch("/overage", describeRoute({ responses: ok(HourBank.overageOutput), tags, summary: "Set the agency's default overage policy (owner)" }), allow("owner"), input("json", HourBank.setAgencyOverage.schema), async (c) =>
    c.json(await HourBank.setAgencyOverage(c.req.valid("json")), 200),
  )
  .patch("/clients/:clientId/overage", describeRoute({ responses: ok(HourBank.clientOverageOutput), tags, summary: "A client's own overage policy; null for the agency's default (owner)" }), allow("owner"), pathIds("clientId"), input("json", HourBank.setClientOverage.schema), async (c) =>
    c.json(await HourBank.setClientOverage(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .get(
    "/consent/:token",
    describeRoute({
      tags,
      ...publicRoute,
      summary: "An overage consent link's page: the client, the month's hours and the most that may be approved (no sign-in; records nothing)",
      responses: { ...ok(HourBank.consentPageOutput), 404: { description: "The link is not valid" }, 409: { description: "Already used, or nothing to approve" }, 410: { description: "Expired, or its month is over" } },
    }),
    allow("anyone"),
    pathIds("token"),
    input("query", HourBank.linkPageSchema),
    async (c) => c.json(await HourBank.linkPage(c.req.param("token"), c.req.valid("query").locale), 200),
  )
  .post(
    "/consent",
    describeRoute({
      tags,
      ...publicRoute,
      summary: "Approve more hours with an overage consent link: typed name, hours; kept with time, IP and SHA-256 (no sign-in; once per link)",
      responses: { ...ok(HourBank.consentOutput), 404: { description: "The link is not valid" }, 409: { description: "Already used (hour_bank.consent_used)" }, 410: { description: "Expired, or its month is over" } },
    }),
    allow("anyone"),
    input("json", HourBank.approveByLink.schema),
    async (c) => c.json(await HourBank.approveByLink(c.req.valid("json"), clientIp(c)), 200),
  );
