import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { allow } from "../access.ts";
import { Contact } from "@baton/core/contact";

export const portalRoutes = new Hono().get(
  "/company",
  describeRoute({ tags: ["Portal"], summary: "Your company's profile and people (client contact)" }), allow("contact"),
  async (c) => c.json(await Contact.company(), 200),
);
