// First: deployed functions skip ElectroDB's per-entity model check (tests/core/models.test.ts runs it).
import "@baton/core/db/trusted-models";
import type { SNSEvent } from "aws-lambda";
import { Log } from "@baton/core/log";
import { loadSstEnvironment } from "../sst-runtime.ts";

await loadSstEnvironment();
// Imported after the environment is complete: the core reads its table's name when first loaded.
const { Email } = await import("@baton/core/email");

/**
 * SES bounces and complaints, from the configuration set's event destination through SNS
 * (infra/email.ts). Each SNS record's Message is one SES event as JSON; a record that can't be
 * handled throws, so Lambda retries it and then hands it to the on-failure destination.
 */
export const handler = async (event: SNSEvent) => {
  for (const record of event.Records) {
    await Log.withContext({ requestId: record.Sns.MessageId, job: "emailFeedback" }, async () => {
      let message: unknown;
      try {
        message = JSON.parse(record.Sns.Message);
      } catch {
        // Not SES's: nothing to retry.
        Log.warn("email feedback: message is not JSON; ignored", { messageId: record.Sns.MessageId });
        return;
      }
      await Email.Feedback.record(message);
    });
  }
};
