import { Hono } from "hono";
import { describeRoute } from "hono-openapi";
import { created, noContent, ok } from "../responses.ts";
import { allow } from "../access.ts";
import { ApiKey } from "@baton/core/apikey";
import { input } from "../validate.ts";
import { pathIds } from "../path-ids.ts";

const tags = ["API keys"];

export const apiKeyRoutes = new Hono()
  .get("/", describeRoute({ responses: ok(ApiKey.listOutput), tags, summary: "List API keys (owner)" }), allow("owner", { apiKeys: "never" }), async (c) => c.json(await ApiKey.list(), 200))
  .post("/", describeRoute({ responses: created(ApiKey.createdOutput, "The key, with its secret shown this once"), tags, summary: "Create an API key; the secret is shown once (owner)" }), allow("owner", { apiKeys: "never" }), input("json", ApiKey.create.schema), async (c) =>
    c.json(await ApiKey.create(c.req.valid("json")), 201),
  )
  .delete("/:apiKeyId", describeRoute({ responses: noContent("Revoked"), tags, summary: "Revoke an API key (owner)" }), allow("owner", { apiKeys: "never" }), pathIds("apiKeyId"), async (c) => {
    await ApiKey.revoke(c.req.param("apiKeyId"));
    return c.body(null, 204);
  });
