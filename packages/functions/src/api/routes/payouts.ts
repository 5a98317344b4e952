import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Payouts } from "@baton/core/payout";
import { allow } from "../access.ts";
import { pathIds } from "../path-ids.ts";
import { created, file, media, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Payouts"];

// Subcontractor payouts (issue 17, part 6): the owner's overview, issuing a month's statement and
// marking it paid, the CSV; a member reads their own statements (another's is 404).
export const payoutRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Payouts.overviewOutput), tags, summary: "What each subcontractor is owed for a month (?period=YYYY-MM, last month by default) and every statement (owner)" }), allow("owner"), input("query", Payouts.overview.schema), async (c) =>
    c.json(await Payouts.overview(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Payouts.payoutOutput, "The statement, its amount fixed"), tags, summary: "Issue a subcontractor's statement for a month: approved time not yet paid × cost rate, once per member and month (owner)" }), allow("owner"), input("json", Payouts.issue.schema), async (c) =>
    c.json(await Payouts.issue(c.req.valid("json")), 201),
  )
  .get("/mine", describeRoute({ responses: ok(Payouts.mineOutput), tags, summary: "My payout statements, newest month first (team member)" }), allow(["owner", "subcontractor"]), async (c) => c.json(await Payouts.mine(), 200))
  .get("/export", describeRoute({ responses: media("text/csv", "Payout statements as CSV, an attachment"), tags, summary: "Payout statements of a range of months as CSV (owner)" }), allow("owner"), input("query", Payouts.statementCsv.schema), async (c) =>
    new Response(await Payouts.statementCsv(c.req.valid("query")), { status: 200, headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="payouts.csv"` } }),
  )
  .get("/:payoutId", describeRoute({ responses: ok(Payouts.payoutOutput), tags, summary: "A payout statement (owner; its member)" }), allow(["owner", "subcontractor"]), pathIds("payoutId"), async (c) => c.json(await Payouts.get(c.req.param("payoutId")), 200))
  .get("/:payoutId/pdf", describeRoute({ responses: file("application/pdf", "The statement as a PDF in the member's language"), tags, summary: "A payout statement as a PDF (owner; its member)" }), allow(["owner", "subcontractor"]), pathIds("payoutId"), async (c) => {
    const { fileName, bytes } = await Payouts.download(c.req.param("payoutId"));
    return new Response(bytes, { status: 200, headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${fileName}"` } });
  })
  .post("/:payoutId/paid", describeRoute({ responses: ok(Payouts.payoutOutput), tags, summary: "Mark a statement paid with its method and reference; the same again changes nothing, another answers 409 (owner)" }), allow("owner"), pathIds("payoutId"), input("json", Payouts.markPaid.schema), async (c) =>
    c.json(await Payouts.markPaid(c.req.valid("json"), c.req.param("payoutId")), 200),
  );
