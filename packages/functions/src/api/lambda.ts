import { handle } from "hono/aws-lambda";
import { Config } from "sst/node/config";

// SST binds the session secret as a Config secret; the core reads configuration from the
// environment, so it is copied there once per cold start.
process.env.BATON_SESSION_SECRET ??= Config.SESSION_SECRET;

const { app } = await import("./app.ts");

export const handler = handle(app);
