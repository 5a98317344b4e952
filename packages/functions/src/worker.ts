// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
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

/** Runs one deferred job, sent by the API as an asynchronous invocation (infra/api.ts). A failure is retried by Lambda. */
export const handler = async (job: { kind: string; payload: unknown }) => {
  await Deferred.run(job);
};
