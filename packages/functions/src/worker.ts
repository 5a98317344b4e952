// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import type { Job } from "@baton/core/deferred";
import { loadSstEnvironment } from "./sst-runtime.ts";

await loadSstEnvironment();
// Imported after the environment is complete (the core reads its configuration when first
// loaded); the auth, signup and webhook areas register their email jobs when they load.
const { Deferred } = await import("@baton/core/deferred");
await import("@baton/core/auth");
await import("@baton/core/signup");
await import("@baton/core/webhook");
// Client notices: hand-off emails whose recipients are read after the change (notify/notice.ts).
await import("@baton/core/notify/notice");
// The worker sends emails in everyone's language: Greek and Hindi strings loaded once, at start.
await (await import("@baton/core/i18n")).I18n.loadTexts();

/**
 * Runs the deferred jobs one request left (`{ jobs }`), sent by the API as an asynchronous
 * invocation (infra/api.ts); an event of one job (`{ kind, payload }`, from an API instance of the
 * version before) runs that job. A failure fails the invocation, and Lambda retries it: every job
 * is safe to run again.
 */
export const handler = async (event: { jobs: Job[] } | Job) => {
  await Deferred.runAll("jobs" in event ? event.jobs : [event]);
};
