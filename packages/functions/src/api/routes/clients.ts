import { Card } from "@baton/core/card";
import { Hono } from "hono";
import { whole } from "@baton/core/fields";
import { describeRoute } from "hono-openapi";
import { accepted, created, noContent, ok } from "../responses.ts";
import { done } from "@baton/core/fields";
import { allow } from "../access.ts";
import { Client } from "@baton/core/client";
import { ClientData } from "@baton/core/client-data";
import { Contact } from "@baton/core/contact";
import { Invoices } from "@baton/core/invoice";
import { pageQuery } from "@baton/core/fields";
import { Files } from "@baton/core/file";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Clients"];

export const clientRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Client.listOutput), tags, summary: "List clients (owner)" }), allow("owner"), input("query", Client.list.schema), async (c) =>
    c.json(await Client.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Client.output), tags, summary: "Create a client (owner)" }), allow("owner"), input("json", Client.create.schema), async (c) =>
    c.json(await Client.create(c.req.valid("json")), 201),
  )
  .get("/:clientId", describeRoute({ responses: ok(Client.output), tags, summary: "A client (owner)" }), allow("owner"), pathIds("clientId"), async (c) =>
    c.json(await Client.get(c.req.param("clientId")), 200),
  )
  .patch(
    "/:clientId",
    describeRoute({ responses: ok(Client.output), tags, summary: "Update a client (owner); send the version you read" }), allow("owner"),
    pathIds("clientId"),
    input("json", Client.update.schema),
    async (c) => c.json(await Client.update(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .get(
    "/:clientId/card",
    describeRoute({ responses: ok(Card.cardOutput), tags, summary: "The client's saved card (brand, last 4, expiry) and whether autopay is on; enabled is false without Stripe (owner)" }),
    allow("owner"),
    pathIds("clientId"),
    async (c) => c.json(await Card.ofClient(c.req.param("clientId")), 200),
  )
  .get(
    "/:clientId/credits",
    describeRoute({ responses: ok(Invoices.creditsOutput), tags, summary: "The client's open credits: card money received on its void invoices, to refund or apply (owner)" }),
    allow("owner"),
    pathIds("clientId"),
    async (c) => c.json(whole(await Invoices.creditsOfClient(c.req.param("clientId"))), 200),
  )
  .get(
    "/:clientId/contacts",
    describeRoute({ responses: ok(Contact.listOutput), tags, summary: "A client's portal contacts (owner)" }), allow("owner"),
    pathIds("clientId"),
    input("query", pageQuery),
    async (c) => c.json(await Contact.listForClient(c.req.valid("query"), c.req.param("clientId")), 200),
  )
  .post(
    "/:clientId/contacts",
    describeRoute({ responses: created(Contact.output), tags, summary: "Invite a contact to the client portal (owner)" }), allow("owner"),
    pathIds("clientId"),
    input("json", Contact.invite.schema),
    async (c) => c.json(await Contact.invite(c.req.valid("json"), c.req.param("clientId")), 201),
  )
  .post(
    "/:clientId/export",
    describeRoute({ responses: ok(ClientData.exportOutput, "The export, as an attachment"), tags, summary: "Everything Baton holds about a client, as one JSON file (the owner in person; audited)" }),
    allow("owner", { apiKeys: "never" }),
    pathIds("clientId"),
    async (c) => {
      const data = await ClientData.exportClient(c.req.param("clientId"));
      c.header("content-disposition", `attachment; filename="baton-client-${data.client.code}-${data.exportedAt.slice(0, 10)}.json"`);
      c.header("cache-control", "no-store");
      return c.json(data, 200);
    },
  )
  .post(
    "/:clientId/erase",
    describeRoute({ responses: ok(ClientData.eraseOutput, "What was deleted and what the law keeps"),
      tags,
      summary: "Erase a client's data, keeping issued invoices, their payments and billed time (the owner in person; send the client's code to confirm; audited)",
    }),
    allow("owner", { apiKeys: "never" }),
    pathIds("clientId"),
    input("json", ClientData.erase.schema),
    async (c) => c.json(await ClientData.erase(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .post(
    "/:clientId/contacts/:contactId/invite",
    describeRoute({ responses: accepted(done, "The invitation is on its way"), tags, summary: "Resend a contact's invitation (owner)" }), allow("owner"),
    pathIds("clientId", "contactId"),
    async (c) => {
      await Contact.resendInvitation(c.req.param("clientId"), c.req.param("contactId"));
      return c.json({ ok: true as const }, 202);
    },
  )
  .post(
    "/:clientId/contacts/:contactId/deactivate",
    describeRoute({ responses: ok(Contact.output), tags, summary: "Deactivate a contact: their sessions, sign-in links and calendar feed stop working at once (owner)" }),
    allow("owner"),
    pathIds("clientId", "contactId"),
    async (c) => c.json(await Contact.deactivate(c.req.param("clientId"), c.req.param("contactId")), 200),
  )
  .post(
    "/:clientId/contacts/:contactId/reactivate",
    describeRoute({ responses: ok(Contact.output), tags, summary: "Let a deactivated contact sign in again (owner)" }),
    allow("owner"),
    pathIds("clientId", "contactId"),
    async (c) => c.json(await Contact.reactivate(c.req.param("clientId"), c.req.param("contactId")), 200),
  )
  .patch(
    "/:clientId/contacts/:contactId",
    describeRoute({ responses: ok(Contact.output), tags, summary: "Change a contact's role (admin or member) or whether they receive invoices, on the version read (owner; audited)" }),
    allow("owner"),
    pathIds("clientId", "contactId"),
    input("json", Contact.update.schema),
    async (c) => c.json(await Contact.update(c.req.valid("json"), c.req.param("contactId"), c.req.param("clientId")), 200),
  )
  .delete(
    "/:clientId/contacts/:contactId",
    describeRoute({ responses: noContent("Removed"), tags, summary: "Remove a contact for good: their access ends at once and their email is free again (owner)" }),
    allow("owner"),
    pathIds("clientId", "contactId"),
    async (c) => {
      await Contact.remove(c.req.param("clientId"), c.req.param("contactId"));
      return c.body(null, 204);
    },
  )
  .get(
    "/:clientId/files",
    describeRoute({ responses: ok(Files.listedPageOutput), tags, summary: "Everything shared with a client: briefs, threads, deliverables and the client's folder, newest first (owner)" }),
    allow("owner"),
    pathIds("clientId"),
    input("query", Files.forClient.schema),
    async (c) => c.json(await Files.forClient(c.req.valid("query"), c.req.param("clientId")), 200),
  );
