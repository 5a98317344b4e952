import { Hono } from "hono";
import { whole } from "@baton/core/fields";
import { describeRoute } from "hono-openapi";
import { created, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { Sop } from "@baton/core/sop";
import { Files } from "@baton/core/file";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["SOPs"];

export const sopRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(Sop.listOutput), tags, summary: "The SOP library, with search and category filter (team)" }), allow(["owner", "subcontractor"]), input("query", Sop.list.schema), async (c) =>
    c.json(await Sop.list(c.req.valid("query")), 200),
  )
  .post("/", describeRoute({ responses: created(Sop.output), tags, summary: "Write a new SOP (owner)" }), allow("owner"), input("json", Sop.create.schema), async (c) =>
    c.json(await Sop.create(c.req.valid("json")), 201),
  )
  .get("/:sopId", describeRoute({ responses: ok(Sop.output), tags, summary: "An SOP with its latest version, rendered safely (team)" }), allow(["owner", "subcontractor"]), pathIds("sopId"), async (c) =>
    c.json(await Sop.get(c.req.param("sopId")), 200),
  )
  .patch(
    "/:sopId",
    describeRoute({ responses: ok(Sop.output), tags, summary: "Edit an SOP: saves a new version (owner); send the version you read" }), allow("owner"),
    pathIds("sopId"),
    input("json", Sop.update.schema),
    async (c) => c.json(await Sop.update(c.req.valid("json"), c.req.param("sopId")), 200),
  )
  .put(
    "/:sopId/tools",
    describeRoute({ responses: ok(Sop.output), tags, summary: "Set the tools an SOP's work needs (owner): tasks made from it name the client's vault entries of these tools; send the version you read" }),
    allow("owner"),
    pathIds("sopId"),
    input("json", Sop.setTools.schema),
    async (c) => c.json(await Sop.setTools(c.req.valid("json"), c.req.param("sopId")), 200),
  )
  .get("/:sopId/versions", describeRoute({ responses: ok(Sop.versionsOutput), tags, summary: "Every version of an SOP, newest first (team)" }), allow(["owner", "subcontractor"]), pathIds("sopId"), async (c) =>
    c.json(whole(await Sop.versions(c.req.param("sopId"))), 200),
  )
  .get("/:sopId/versions/:number", describeRoute({ responses: ok(Sop.versionOutput), tags, summary: "One version of an SOP (team)" }), allow(["owner", "subcontractor"]), pathIds("sopId", "number"), async (c) =>
    c.json(await Sop.getVersion(c.req.param("sopId"), Number(c.req.param("number"))), 200),
  )
  .get("/:sopId/files", describeRoute({ responses: ok(Files.listOutput), tags, summary: "An SOP's templates and attachments (team)" }), allow(["owner", "subcontractor"]), pathIds("sopId"), async (c) =>
    c.json(await Files.ofSop(c.req.param("sopId")), 200),
  );
