import { writeFile } from "node:fs/promises";
import { join } from "node:path";

// `npm run openapi`: writes the API's OpenAPI document (packages/functions/src/api/openapi.json)
// from the routes, the file the API serves. The API's bundle runs this too (infra/bundle.ts), so a
// deployed document is always today's; tests/api/openapi-file.test.ts fails while the committed
// copy, which the local runtime and the tests serve, is out of date.
// With --stdout it prints the document instead of writing it.

// The core reads its configuration when loaded; making the document reads none of it.
process.env.BATON_TABLE_NAME ??= "openapi";
process.env.AWS_REGION ??= "us-east-1";

const { documented } = await import("../api/app.ts");
const { generateOpenApi, serializeOpenApi } = await import("../api/openapi-spec.ts");
const text = serializeOpenApi(await generateOpenApi(documented));
// A pipe is written asynchronously: exit only once the whole document is out.
if (process.argv.includes("--stdout")) await new Promise((done) => process.stdout.write(text, done));
else await writeFile(join(import.meta.dirname, "../api/openapi.json"), text);
process.exit(0);
