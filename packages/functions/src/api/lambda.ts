import { handle } from "hono/aws-lambda";
import { loadSstEnvironment } from "../sst-runtime.ts";
import { useWorkerFunction } from "../worker-dispatch.ts";

loadSstEnvironment();
useWorkerFunction();
// Imported after the environment is complete: the core reads its configuration when first loaded.
const { app } = await import("./app.ts");

export const handler = handle(app);
