import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Reports } from "@baton/core/reports";
import { input } from "../validate.ts";

const tags = ["Reports"];

// The owner's money reports; amounts in minor units, each in its own currency (no conversion).
export const reportRoutes = new Hono()
  .get("/revenue", describeRoute({ responses: ok(Reports.revenueOutput), tags, summary: "Invoiced revenue before tax by month and client, per currency; ?from=&to= months (owner)" }), allow("owner"), input("query", Reports.revenue.schema), async (c) =>
    c.json(await Reports.revenue(c.req.valid("query")), 200),
  )
  .get("/receivables", describeRoute({ responses: ok(Reports.receivablesOutput), tags, summary: "Money owed now, aged by days past due, per currency (owner)" }), allow("owner"), async (c) => c.json(await Reports.receivables(), 200))
  .get("/margin", describeRoute({ responses: ok(Reports.marginOutput), tags, summary: "Per client: billed minus the team's cost for a period; ?from=&to= dates (owner)" }), allow("owner"), input("query", Reports.margin.schema), async (c) =>
    c.json(await Reports.margin(c.req.valid("query")), 200),
  )
  .get(
    "/responses",
    describeRoute({ responses: ok(Reports.responsesOutput), tags, summary: "Response promises kept and breached per client for requests received in a range of months; ?from=&to= months (owner)" }), allow("owner"),
    input("query", Reports.responses.schema),
    async (c) => c.json(await Reports.responses(c.req.valid("query")), 200),
  )
  .get("/payouts", describeRoute({ responses: ok(Reports.payoutsOutput), tags, summary: "What each team member is owed for their time in a period, at their cost rate (owner)" }), allow("owner"), input("query", Reports.payouts.schema), async (c) =>
    c.json(await Reports.payouts(c.req.valid("query")), 200),
  );
