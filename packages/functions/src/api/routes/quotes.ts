import { Hono } from "hono";
import { z } from "zod";
import { describeRoute } from "hono-openapi";
import { Quotes } from "@baton/core/quote";
import { allow } from "../access.ts";
import { clientIp } from "../client-ip.ts";
import { pathIds } from "../path-ids.ts";
import { created, file, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Quotes"];
/** A plain link from the portal names its app, so the portal's session is the one read (see session.ts). */
const pdfQuery = z.strictObject({ app: z.enum(["web", "portal"]).optional() });

// Quotes: the owner drafts (from a request or blank), edits and sends; the client's contact reads
// their company's sent quotes and accepts (typed name + the SHA-256 of the text shown) or declines.
export const quoteRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Quotes.listOutput), tags, summary: "Quotes, newest first: the owner's (?clientId= one client's), a contact's company's sent ones" }), allow(["owner", "contact"]), input("query", Quotes.list.schema), async (c) =>
    c.json(await Quotes.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Quotes.output), tags, summary: "Draft a quote for a request or a client: catalog lines (priced now, kept) or custom ones (owner)" }), allow("owner"), input("json", Quotes.create.schema), async (c) =>
    c.json(await Quotes.create(c.req.valid("json")), 201),
  )
  .get("/:quoteId", describeRoute({ responses: ok(Quotes.output), tags, summary: "A quote with the text to accept and its SHA-256 (owner; a contact their company's sent ones)" }), allow(["owner", "contact"]), pathIds("quoteId"), async (c) =>
    c.json(await Quotes.get(c.req.param("quoteId")), 200),
  )
  .get(
    "/:quoteId/pdf",
    describeRoute({ responses: file("application/pdf", "The accepted quote with its acceptance record (typed name, time, IP, SHA-256), an attachment"), tags, summary: "An accepted quote as a PDF in the language it was accepted in (owner; a contact their company's; 409 quote.not_accepted until accepted)" }),
    allow(["owner", "contact"]),
    pathIds("quoteId"),
    input("query", pdfQuery),
    async (c) => {
      const { fileName, bytes } = await Quotes.pdf(c.req.param("quoteId"));
      return new Response(bytes, { status: 200, headers: { "content-type": "application/pdf", "content-disposition": `attachment; filename="${fileName}"` } });
    },
  )
  .patch(
    "/:quoteId",
    describeRoute({ responses: { ...ok(Quotes.output), 409: { description: "Stale version, or answered already (quote.answered)" } }, tags, summary: "Edit a quote until it is answered, from the version read (owner)" }),
    allow("owner"),
    pathIds("quoteId"),
    input("json", Quotes.edit.schema),
    async (c) => c.json(await Quotes.edit(c.req.valid("json"), c.req.param("quoteId")), 200),
  )
  .post(
    "/:quoteId/send",
    describeRoute({ responses: { ...ok(Quotes.output), 409: { description: "Stale version, or sent already (quote.not_draft)" } }, tags, summary: "Send a draft: it takes the next quote number and the client's people are emailed (owner)" }),
    allow("owner"),
    pathIds("quoteId"),
    input("json", Quotes.send.schema),
    async (c) => c.json(await Quotes.send(c.req.valid("json"), c.req.param("quoteId")), 200),
  )
  .post(
    "/:quoteId/accept",
    describeRoute({
      responses: { ...ok(Quotes.output, "The quote, accepted: its deposit invoice issued and its work planned"), 409: { description: "Answered already, expired, edited since read, or a different text (quote.changed): with the current quote" } },
      tags,
      summary: "Accept a quote by typed full name and the SHA-256 of the text shown (client contact)",
    }),
    allow("contact"),
    pathIds("quoteId"),
    input("json", Quotes.accept.schema),
    async (c) => c.json(await Quotes.accept(c.req.valid("json"), c.req.param("quoteId"), clientIp(c)), 200),
  )
  .post(
    "/:quoteId/decline",
    describeRoute({ responses: { ...ok(Quotes.output), 409: { description: "Answered already, expired or edited since read: with the current quote" } }, tags, summary: "Decline a quote with a reason (client contact)" }),
    allow("contact"),
    pathIds("quoteId"),
    input("json", Quotes.decline.schema),
    async (c) => c.json(await Quotes.decline(c.req.valid("json"), c.req.param("quoteId")), 200),
  );
