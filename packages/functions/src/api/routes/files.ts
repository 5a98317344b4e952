import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { redirect as redirectTo, created, ok } from "../responses.ts";
import { Files } from "@baton/core/file";
import { allow, check } from "../access.ts";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["Files"];
const anyParty = allow(["owner", "subcontractor", "contact"]);

// The redirect to a presigned GET may be reused for a minute (the URL itself lasts a few).
const redirect = (url: string) =>
  new Response(null, { status: 302, headers: { location: url, "cache-control": "private, max-age=60" } });

export const fileRoutes = new Hono()
  .post(
    "/",
    describeRoute({ responses: created(Files.startedOutput, "The file (pending) and where to upload it"), tags, summary: "Start an upload: checks name, type, size and quota, answers a presigned POST (or part PUTs for large files)" }),
    anyParty,
    input("json", Files.start.schema),
    async (c) => c.json(await Files.start(c.req.valid("json")), 201),
  )
  .get("/usage", describeRoute({ responses: ok(Files.usageOutput), tags, summary: "Storage used against the quota, and the file limits (owner)" }), allow("owner"), async (c) => c.json(await Files.usage(), 200))
  .get("/:fileId", describeRoute({ responses: ok(Files.output), tags, summary: "A file's details (whoever may see it)" }), anyParty, pathIds("fileId"), async (c) => c.json(await Files.get(c.req.param("fileId")), 200))
  .post(
    "/:fileId/confirm",
    describeRoute({ responses: ok(Files.output, "The file, ready"), tags, summary: "Finish an upload: the stored object's size, type and first bytes are checked, then the file is ready (uploader)" }),
    anyParty,
    pathIds("fileId"),
    check((c) => Files.assertUploader(c.req.param("fileId")!)),
    input("json", Files.confirm.schema),
    async (c) => c.json(await Files.confirm(c.req.valid("json"), c.req.param("fileId")), 200),
  )
  .delete(
    "/:fileId",
    describeRoute({ responses: ok(Files.removedOutput), tags, summary: "Delete a file (owner: soft, audited, removed after the retention days) or drop your own unattached upload" }),
    anyParty,
    pathIds("fileId"),
    async (c) => {
      const file = await Files.remove(c.req.param("fileId"));
      return c.json({ file }, 200);
    },
  )
  .get("/:fileId/download", describeRoute({ responses: redirectTo("To a presigned download of a few minutes"), tags, summary: "Download: a redirect to a presigned GET of a few minutes, always as an attachment" }), anyParty, pathIds("fileId"), async (c) =>
    redirect(await Files.downloadUrl(c.req.param("fileId"))),
  )
  .get("/:fileId/view", describeRoute({ responses: redirectTo("To a presigned view of a few minutes"), tags, summary: "Preview: like download, but safe images (png, jpeg, webp, gif) are shown inline" }), anyParty, pathIds("fileId"), async (c) =>
    redirect(await Files.downloadUrl(c.req.param("fileId"), true)),
  );
