import { relative } from "node:path";
import { readFile } from "node:fs/promises";
import { Hono, type Context } from "hono";
import { serveStatic } from "@hono/node-server/serve-static";
import { app as api } from "@baton/functions/api";
import { appHeaders } from "@baton/functions/api/app-headers";

// What CloudFront does on AWS: the apps' files, with index.html for client-side routes, and the
// API under /api, all on one origin so the session cookie stays first-party.

export type SiteDirs = { web: string; portal: string };

/** `filesOrigin`: the S3 stand-in's origin, which the pages may upload to and show images from. */
export function createLocalApp(sites: SiteDirs, filesOrigin = process.env.S3_ENDPOINT ? new URL(process.env.S3_ENDPOINT).origin : undefined) {
  const headers = appHeaders(filesOrigin ? [filesOrigin] : []);
  const root = (dir: string) => relative(process.cwd(), dir) || ".";
  const spa = (dir: string) => async () => readFile(`${dir}/index.html`, "utf8").catch(() => null);
  const webIndex = spa(sites.web);
  const portalIndex = spa(sites.portal);

  const html = (content: string | null, c: Context) =>
    content === null ? c.text("The app is not built yet: run `npm run build:apps`.", 503) : c.html(content);

  return new Hono()
    .route("/", api)
    .use("*", async (c, next) => {
      await next();
      for (const [name, value] of Object.entries(headers)) c.res.headers.set(name, value);
    })
    .get("/portal", (c) => c.redirect("/portal/"))
    .use("/portal/*", serveStatic({ root: root(sites.portal), rewriteRequestPath: (path) => path.replace(/^\/portal/, "") }))
    .get("/portal/*", async (c) => html(await portalIndex(), c))
    .use("*", serveStatic({ root: root(sites.web) }))
    .get("*", async (c) => html(await webIndex(), c));
}
