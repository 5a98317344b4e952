import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { Brand } from "@baton/core/agency/brand";
import { allow } from "../access.ts";
import { media, ok } from "../responses.ts";
import { input } from "../validate.ts";

const tags = ["Brand"];

// The agency's brand: the owner's settings, and the public read the portal makes before anyone
// signs in (no cookie needed; nothing private in it). The public answers may be cached: the
// brand by browsers for a few minutes, the logo for long, since its address changes with it.
export const brandRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Brand.settingsOutput), tags, summary: "The agency's brand: name, colour, logo, email sender, portal texts (owner)" }), allow("owner"), async (c) =>
    c.json(await Brand.current(), 200),
  )
  .patch(
    "/",
    describeRoute({
      responses: ok(Brand.settingsOutput, "The saved brand; `color.adjusted` says the colour was darkened for contrast"),
      tags,
      summary: "Change the brand: a value sets, empty or null clears (owner, in person)",
    }),
    allow("owner", { apiKeys: "never" }),
    input("json", Brand.update.schema),
    async (c) => c.json(await Brand.update(c.req.valid("json")), 200),
  )
  .get(
    "/public",
    describeRoute({ responses: ok(Brand.publicOutput), tags, security: [], summary: "The brand the portal shows before sign-in: the agency named, else the installation's (public)" }),
    allow("anyone"),
    input("query", Brand.publicBrand.schema),
    async (c) => {
      c.header("cache-control", "public, max-age=300");
      return c.json(await Brand.publicBrand(c.req.valid("query")), 200);
    },
  )
  .get(
    "/public/logo",
    describeRoute({ responses: media("image/*", "The agency's logo: a PNG, JPEG or WebP image"), tags, security: [], summary: "The agency's logo, for the portal and emails (public)" }),
    allow("anyone"),
    input("query", Brand.logo.schema),
    async (c) => {
      const logo = await Brand.logo(c.req.valid("query"));
      return new Response(logo.bytes as Uint8Array<ArrayBuffer>, {
        status: 200,
        headers: {
          "content-type": logo.contentType,
          // The address carries the file id (`v`): a new logo is a new address.
          "cache-control": "public, max-age=86400",
          "x-content-type-options": "nosniff",
        },
      });
    },
  );
