import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Client } from "@baton/core/client";
import { Contact } from "@baton/core/contact";
import { pageQuery } from "@baton/core/fields";
import { Files } from "@baton/core/file";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Clients"];

export const clientRoutes = new Hono()
  .get("/", describeRoute({ tags, summary: "List clients (owner)" }), input("query", Client.list.schema), async (c) =>
    c.json(await Client.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ tags, summary: "Create a client (owner)" }), input("json", Client.create.schema), async (c) =>
    c.json(await Client.create(c.req.valid("json")), 201),
  )
  .get("/:clientId", describeRoute({ tags, summary: "A client (owner)" }), pathIds("clientId"), async (c) =>
    c.json(await Client.get(c.req.param("clientId")), 200),
  )
  .patch(
    "/:clientId",
    describeRoute({ tags, summary: "Update a client (owner); send the version you read" }),
    pathIds("clientId"),
    input("json", Client.update.schema),
    async (c) => c.json(await Client.update(c.req.valid("json"), c.req.param("clientId")), 200),
  )
  .get(
    "/:clientId/contacts",
    describeRoute({ tags, summary: "A client's portal contacts (owner)" }),
    pathIds("clientId"),
    input("query", pageQuery),
    async (c) => c.json(await Contact.listForClient(c.req.valid("query"), c.req.param("clientId")), 200),
  )
  .post(
    "/:clientId/contacts",
    describeRoute({ tags, summary: "Invite a contact to the client portal (owner)" }),
    pathIds("clientId"),
    input("json", Contact.invite.schema),
    async (c) => c.json(await Contact.invite(c.req.valid("json"), c.req.param("clientId")), 201),
  )
  .post(
    "/:clientId/contacts/:contactId/invite",
    describeRoute({ tags, summary: "Resend a contact's invitation (owner)" }),
    pathIds("clientId", "contactId"),
    async (c) => {
      await Contact.resendInvitation(c.req.param("clientId"), c.req.param("contactId"));
      return c.json({ ok: true as const }, 202);
    },
  )
  .get(
    "/:clientId/files",
    describeRoute({ tags, summary: "Everything shared with a client: briefs, threads, deliverables and the client's folder, newest first (owner)" }),
    pathIds("clientId"),
    input("query", Files.forClient.schema),
    async (c) => c.json(await Files.forClient(c.req.valid("query"), c.req.param("clientId")), 200),
  );
