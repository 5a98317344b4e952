import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { documented } from "@baton/functions/api/app";
import { generateOpenApi, serializeOpenApi } from "@baton/functions/api/openapi-spec";
import { ApiClient, startApi, type Started } from "../support/http.ts";

// The API serves its OpenAPI document from a file made when it is built (openapi.json), so that
// no generator runs in a deployed function. This is what keeps that file honest: it must be what
// the generator makes from today's routes. After changing a route, `npm run openapi`.

let api: Started;

beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

it("serves the document the generator makes from today's routes (npm run openapi writes it)", async () => {
  const generated = await generateOpenApi(documented);
  const served = await new ApiClient(api.baseUrl, null).get("/openapi.json");
  expect(served.status).toBe(200);
  expect(served.body).toEqual(JSON.parse(JSON.stringify(generated)));
  const file = await readFile(resolve(import.meta.dirname, "../../packages/functions/src/api/openapi.json"), "utf8");
  expect(file).toBe(serializeOpenApi(generated));
});
