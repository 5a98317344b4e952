import { SESv2Client, SendEmailCommand } from "@aws-sdk/client-sesv2";
import { Config } from "../config/index.ts";
import { VisibleError } from "../error/index.ts";
import type { RenderedEmail } from "./layout.ts";

let ses: SESv2Client | undefined;

function sesClient() {
  const endpoint = Config.sesEndpoint;
  ses ??= new SESv2Client({
    region: Config.region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
  return ses;
}

/** Sends one email with HTML and plain-text parts through SES (the emulator, locally). */
export async function send(to: string, email: RenderedEmail): Promise<void> {
  try {
    await sesClient().send(
      new SendEmailCommand({
        FromEmailAddress: Config.emailFrom,
        ConfigurationSetName: Config.sesConfigurationSet,
        Destination: { ToAddresses: [to] },
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: "UTF-8" },
            Body: {
              Html: { Data: email.html, Charset: "UTF-8" },
              Text: { Data: email.text, Charset: "UTF-8" },
            },
          },
        },
      }),
    );
  } catch (error) {
    console.error("email: SES send failed", error);
    throw new VisibleError("unavailable", "email.unavailable", "Email could not be sent right now. Please try again in a minute.");
  }
}
