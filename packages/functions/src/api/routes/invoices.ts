import { Hono } from "hono";
import { whole } from "@baton/core/fields";
import { z } from "zod";
import { describeRoute } from "hono-openapi";
import { created, file, media, noContent, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Card } from "@baton/core/card";
import { Invoices } from "@baton/core/invoice";
import { Timesheet } from "@baton/core/timesheet";
import { InvoicePdf } from "@baton/core/invoice/pdf";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Invoices"];

/** The print page and the PDF are opened by a plain link, so they name their app (whose cookie to read) in the query. */
const printQuery = z.strictObject({ app: z.enum(["web", "portal"]).optional() });

export const invoiceRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Invoices.listOutput), tags, summary: "Invoices, newest first: the owner's (by status or client), a contact's sent ones" }), allow(["owner", "contact"]), input("query", Invoices.list.schema), async (c) =>
    c.json(await Invoices.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Invoices.detailOutput, "The draft"), tags, summary: "Draft an invoice from unbilled time and other lines (owner)" }), allow("owner"), input("json", Invoices.create.schema), async (c) =>
    c.json(await Invoices.create(c.req.valid("json")), 201),
  )
  .get("/deposits", describeRoute({ responses: ok(Invoices.listOutput), tags, summary: "A client's issued deposit invoices not yet taken off another invoice (owner)" }), allow("owner"), input("query", Invoices.openDeposits.schema), async (c) =>
    c.json(whole(await Invoices.openDeposits(c.req.valid("query"))), 200),
  )
  .get("/:invoiceId/print", describeRoute({ responses: media("text/html", "A print-ready page"), tags, summary: "The invoice as a print-ready HTML page (print or save as PDF)" }), allow(["owner", "contact"]), pathIds("invoiceId"), input("query", printQuery), async (c) =>
    c.html(await Invoices.printPage(c.req.param("invoiceId")), 200),
  )
  .get("/:invoiceId/pdf", describeRoute({ responses: file("application/pdf", "The invoice as a PDF, an attachment named by its number"), tags, summary: "The invoice as a PDF in the client's language (owner; a contact, once sent)" }), allow(["owner", "contact"]), pathIds("invoiceId"), input("query", printQuery), async (c) =>
    pdf(await InvoicePdf.download(c.req.param("invoiceId"))),
  )
  .get("/:invoiceId", describeRoute({ responses: ok(Invoices.detailOutput), tags, summary: "An invoice with its payments and how to pay it" }), allow(["owner", "contact"]), pathIds("invoiceId"), async (c) => c.json(await Invoices.get(c.req.param("invoiceId")), 200))
  .delete("/:invoiceId", describeRoute({ responses: noContent("Deleted"), tags, summary: "Delete a draft; its time is unbilled again (owner)" }), allow("owner"), pathIds("invoiceId"), input("query", Invoices.removeDraft.schema), async (c) => {
    await Invoices.removeDraft(c.req.valid("query"), c.req.param("invoiceId"));
    return c.body(null, 204);
  })
  .patch("/:invoiceId", describeRoute({ responses: ok(Invoices.detailOutput, "The draft as edited"), tags, summary: "Edit a draft's lines, notes, purchase order and terms from the version read; 409 with the invoice once sent (owner)" }), allow("owner"), pathIds("invoiceId"), input("json", Invoices.editDraft.schema), async (c) =>
    c.json(await Invoices.editDraft(c.req.valid("json"), c.req.param("invoiceId")), 200),
  )
  .post("/:invoiceId/send", describeRoute({ responses: ok(Invoices.detailOutput), tags, summary: "Number and send a draft to the client (owner)" }), allow("owner"), pathIds("invoiceId"), input("json", Invoices.send.schema), async (c) =>
    c.json(await Invoices.send(c.req.valid("json"), c.req.param("invoiceId")), 200),
  )
  .put(
    "/:invoiceId/rate",
    describeRoute({ responses: ok(Invoices.detailOutput, "The invoice with its rate"), tags, summary: "Set the exchange rate of an invoice sent in another currency without one; the reports then convert it (owner)" }),
    allow("owner"),
    pathIds("invoiceId"),
    input("json", Invoices.setRate.schema),
    async (c) => c.json(await Invoices.setRate(c.req.valid("json"), c.req.param("invoiceId")), 200),
  )
  .post("/:invoiceId/void", describeRoute({ responses: ok(Invoices.detailOutput), tags, summary: "Void a sent invoice nothing was paid on (owner)" }), allow("owner"), pathIds("invoiceId"), input("json", Invoices.voidInvoice.schema), async (c) =>
    c.json(await Invoices.voidInvoice(c.req.valid("json"), c.req.param("invoiceId")), 200),
  )
  .post("/:invoiceId/payments", describeRoute({ responses: created(Invoices.detailOutput, "The invoice with the payment"), tags, summary: "Record a payment received by transfer, Wise, PayPal or cash (owner)" }), allow("owner"), pathIds("invoiceId"), input("json", Invoices.recordPayment.schema), async (c) =>
    c.json(await Invoices.recordPayment(c.req.valid("json"), c.req.param("invoiceId")), 201),
  )
  .post(
    "/:invoiceId/credits/:paymentId/refund",
    describeRoute({ responses: ok(Invoices.detailOutput, "The void invoice, the credit among its payments"), tags, summary: "Mark a credit (card money received on a void invoice) refunded, with the refund's reference (owner)" }),
    allow("owner"),
    pathIds("invoiceId", "paymentId"),
    input("json", Invoices.refundCredit.schema),
    async (c) => c.json(await Invoices.refundCredit(c.req.valid("json"), c.req.param("invoiceId"), c.req.param("paymentId")), 200),
  )
  .post(
    "/:invoiceId/credits/:paymentId/apply",
    describeRoute({ responses: ok(Invoices.detailOutput, "The void invoice, the credit among its payments"), tags, summary: "Apply a credit (card money received on a void invoice) to another unpaid invoice of the client (owner)" }),
    allow("owner"),
    pathIds("invoiceId", "paymentId"),
    input("json", Invoices.applyCredit.schema),
    async (c) => c.json(await Invoices.applyCredit(c.req.valid("json"), c.req.param("invoiceId"), c.req.param("paymentId")), 200),
  )
  .post(
    "/:invoiceId/credit-notes",
    describeRoute({ responses: created(Invoices.detailOutput, "The invoice with the credit note among its credit notes"), tags, summary: "Issue a credit note against a sent invoice: lines or an amount, with a reason; the client's contacts get its PDF (owner)" }),
    allow("owner"),
    pathIds("invoiceId"),
    input("json", Invoices.issueCreditNote.schema),
    async (c) => c.json(await Invoices.issueCreditNote(c.req.valid("json"), c.req.param("invoiceId")), 201),
  )
  .post(
    "/:invoiceId/refunds",
    describeRoute({ responses: created(Invoices.detailOutput, "The invoice with the refund among its refunds"), tags, summary: "Refund money owed back on an invoice (paid beyond what its credit notes left): to the card through Stripe, or by bank transfer or other with a reference; the client gets a receipt (owner)" }),
    allow("owner"),
    pathIds("invoiceId"),
    input("json", Invoices.recordRefund.schema),
    async (c) => c.json(await Invoices.recordRefund(c.req.valid("json"), c.req.param("invoiceId")), 201),
  )
  .get(
    "/:invoiceId/credit-notes/:creditNoteId/pdf",
    describeRoute({ responses: file("application/pdf", "The credit note as a PDF, an attachment named by its number"), tags, summary: "A credit note as a PDF in the client's language (owner; the invoice's client contacts)" }),
    allow(["owner", "contact"]),
    pathIds("invoiceId", "creditNoteId"),
    input("query", printQuery),
    async (c) => pdf(await InvoicePdf.downloadCreditNote(c.req.param("invoiceId"), c.req.param("creditNoteId"))),
  )
  .post("/:invoiceId/checkout", describeRoute({ responses: ok(Card.checkoutOutput), tags, summary: "Start a Stripe Checkout for the balance (client contact; Stripe configured)" }), allow(["owner", "contact"]), pathIds("invoiceId"), async (c) =>
    c.json(await Card.checkout(c.req.param("invoiceId")), 200),
  );

const csv = (body: string, name: string) =>
  new Response(body, { status: 200, headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"` } });

const pdf = ({ fileName, bytes }: InvoicePdf.PdfFile) =>
  new Response(bytes, { status: 200, headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${fileName}"` } });

export const exportRoutes = new Hono()
  .get("/invoices", describeRoute({ responses: media("text/csv", "Invoices as CSV, an attachment"), tags, summary: "Sent invoices as CSV for QuickBooks Online or Xero (owner); see docs/ACCOUNTING.md" }), allow("owner"), input("query", Invoices.exportInvoices.schema), async (c) =>
    csv(await Invoices.exportInvoices(c.req.valid("query")), `invoices-${c.req.valid("query").format}.csv`),
  )
  .get("/time", describeRoute({ responses: media("text/csv", "Time entries as CSV, an attachment"), tags, summary: "Everyone's time between two dates as CSV (owner)" }), allow("owner"), input("query", Timesheet.exportTime.schema), async (c) =>
    csv(await Timesheet.exportTime(c.req.valid("query")), "time.csv"),
  );
