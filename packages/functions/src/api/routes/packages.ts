import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { created, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { ServicePackages } from "@baton/core/service-package";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Packages"];

// The service package library (owner): fixed-price work with deliverables, priced per currency.
export const packageRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(ServicePackages.listOutput), tags, summary: "The package library by name; ?status=active|archived|all (owner)" }), allow("owner"), input("query", ServicePackages.list.schema), async (c) =>
    c.json(await ServicePackages.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(ServicePackages.output), tags, summary: "Add a package with its deliverables and prices (owner)" }), allow("owner"), input("json", ServicePackages.create.schema), async (c) =>
    c.json(await ServicePackages.create(c.req.valid("json")), 201),
  )
  .get("/:packageId", describeRoute({ responses: ok(ServicePackages.output), tags, summary: "A package (owner)" }), allow("owner"), pathIds("packageId"), async (c) => c.json(await ServicePackages.get(c.req.param("packageId")), 200))
  .patch("/:packageId", describeRoute({ responses: ok(ServicePackages.output), tags, summary: "Edit or archive a package; invoices already made keep what they copied (owner)" }), allow("owner"), pathIds("packageId"), input("json", ServicePackages.update.schema), async (c) =>
    c.json(await ServicePackages.update(c.req.valid("json"), c.req.param("packageId")), 200),
  );

// The catalog as a client contact sees it: the services visible to their company, each with its
// intake form. A service they don't see answers 404.
export const catalogRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(ServicePackages.catalogListOutput), tags: ["Catalog"], summary: "The services your company may request, by category (client contact)" }), allow("contact"), async (c) =>
    c.json(await ServicePackages.catalog(), 200),
  )
  .get("/:packageId", describeRoute({ responses: ok(ServicePackages.catalogOutput), tags: ["Catalog"], summary: "A service your company may request, with its form (client contact)" }), allow("contact"), pathIds("packageId"), async (c) =>
    c.json(await ServicePackages.catalogService(c.req.param("packageId")), 200),
  )
  .get("/clients/:clientId", describeRoute({ responses: ok(ServicePackages.catalogListOutput), tags: ["Catalog"], summary: "The services a client may request, as the client sees them, to file a request for them (owner)" }), allow("owner"), pathIds("clientId"), async (c) =>
    c.json(await ServicePackages.catalogOfClient(c.req.param("clientId")), 200),
  );
