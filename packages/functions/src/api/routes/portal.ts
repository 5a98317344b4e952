import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Card } from "@baton/core/card";
import { Contact } from "@baton/core/contact";
import { Files } from "@baton/core/file";
import { HourBank } from "@baton/core/hour-bank";
import { input } from "../validate.ts";
import { clientIp } from "../client-ip.ts";
import { created, noContent } from "../responses.ts";
import { pathIds } from "../path-ids.ts";

export const portalRoutes = new Hono()
  .get("/company", describeRoute({ responses: ok(Contact.companyOutput), tags: ["Portal"], summary: "Your company's profile and people (client contact)" }), allow("contact"), async (c) => c.json(await Contact.company(), 200))
  // The company's people, managed by its admins (a member is refused: their page is Profile).
  .get("/people", describeRoute({ responses: ok(Contact.listOutput), tags: ["Portal"], summary: "Your company's people with their roles and who receives invoices (client admin)" }), allow("contact"), async (c) => c.json(await Contact.people(), 200))
  .post(
    "/people",
    describeRoute({ responses: created(Contact.output), tags: ["Portal"], summary: "Invite a colleague to the portal: they get a sign-in link by email in their language (client admin)" }),
    allow("contact"),
    input("json", Contact.add.schema),
    async (c) => c.json(await Contact.add(c.req.valid("json")), 201),
  )
  .patch(
    "/people/:contactId",
    describeRoute({ responses: ok(Contact.output), tags: ["Portal"], summary: "Make a colleague admin or member, or choose whether they receive invoices, on the version read (client admin)" }),
    allow("contact"),
    pathIds("contactId"),
    input("json", Contact.update.schema),
    async (c) => c.json(await Contact.update(c.req.valid("json"), c.req.param("contactId")), 200),
  )
  .delete(
    "/people/:contactId",
    describeRoute({ responses: noContent("Removed: their sessions end and their email is free again"), tags: ["Portal"], summary: "Remove a colleague; never the last admin (client admin)" }),
    allow("contact"),
    pathIds("contactId"),
    async (c) => {
      await Contact.removePerson(c.req.param("contactId"));
      return c.body(null, 204);
    },
  )
  .get("/hours", describeRoute({ responses: ok(HourBank.output), tags: ["Portal"], summary: "Your company's hour bank: balance, periods and entries (client contact)" }), allow("contact"), async (c) => c.json(await HourBank.mine(), 200))
  .post(
    "/hours/consent",
    describeRoute({ responses: ok(HourBank.consentOutput), tags: ["Portal"], summary: "Approve more hours beyond the month's retainer hours: typed name, hours; kept with time, IP and SHA-256 (client contact)" }),
    allow("contact"),
    input("json", HourBank.approve.schema),
    async (c) => c.json(await HourBank.approve(c.req.valid("json"), clientIp(c)), 200),
  )
  .get(
    "/files",
    describeRoute({ responses: ok(Files.listedPageOutput), tags: ["Portal"], summary: "The files the agency shared with your company, newest first (client contact)" }),
    allow("contact"),
    input("query", Files.mine.schema),
    async (c) => c.json(await Files.mine(c.req.valid("query")), 200),
  )
  .get("/card", describeRoute({ responses: ok(Card.cardOutput), tags: ["Portal"], summary: "Your company's saved card and autopay choice; enabled is false without Stripe (client contact)" }), allow("contact"), async (c) => c.json(await Card.mine(), 200))
  .post("/card/setup", describeRoute({ responses: ok(Card.checkoutOutput), tags: ["Portal"], summary: "Start Stripe Checkout in setup mode to save a card (client contact; Stripe configured)" }), allow("contact"), async (c) => c.json(await Card.setup(), 200))
  .delete("/card", describeRoute({ responses: ok(Card.cardOutput), tags: ["Portal"], summary: "Remove the saved card; autopay goes off (client contact)" }), allow("contact"), async (c) => c.json(await Card.remove(), 200))
  .put(
    "/card/autopay",
    describeRoute({ responses: ok(Card.cardOutput), tags: ["Portal"], summary: "Turn autopay of retainer invoices on or off; needs a saved card (client contact)" }),
    allow("contact"),
    input("json", Card.setAutopay.schema),
    async (c) => c.json(await Card.setAutopay(c.req.valid("json")), 200),
  );
