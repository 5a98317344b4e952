// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import { handle } from "hono/aws-lambda";
import { loadSstEnvironment } from "../sst-runtime.ts";
import { useWorkerFunction } from "../worker-dispatch.ts";

await loadSstEnvironment();
useWorkerFunction();
// Imported after the environment is complete: the core reads its configuration when first loaded.
const { app } = await import("./app.ts");

export const handler = handle(app);
