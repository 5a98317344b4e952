// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import { handle } from "hono/aws-lambda";
import { loadSstEnvironment } from "../sst-runtime.ts";
import { useWorkerFunction } from "../worker-dispatch.ts";

await loadSstEnvironment();
useWorkerFunction();
// Imported after the environment is complete: the core reads its configuration when first loaded.
// The route groups load on first use (lazy-routes.ts): a call loads its group, not the whole API.
const { lazyApp } = await import("./lazy-routes.ts");

export const handler = handle(lazyApp);
