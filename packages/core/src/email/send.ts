import type { SESv2Client } from "@aws-sdk/client-sesv2";
import { Config } from "../config/index.ts";
import { VisibleError } from "../error/index.ts";
import { oneLineSubject, type RenderedEmail } from "./layout.ts";
import * as Outbox from "./outbox.ts";
import { Log } from "../log/index.ts";
import { Metrics } from "../metrics/index.ts";
import { isUndeliverable, undeliverableAmong } from "./feedback.ts";
import { Deferred } from "../deferred/index.ts";
import type { TransactionEntities } from "../db/index.ts";
import { loadOnce } from "../lazy/index.ts";

let ses: { endpoint: string | undefined; client: SESv2Client } | undefined;

// The SES client is loaded by the first send (a job, the worker, the outbox), not at an API cold start.
const sdk = loadOnce(() => import("@aws-sdk/client-sesv2"));

async function sesClient() {
  const endpoint = Config.sesEndpoint;
  const { SESv2Client } = await sdk();
  // Made again if the endpoint changes (the local runtime and tests set it before first use).
  if (!ses || ses.endpoint !== endpoint) {
    ses = {
      endpoint,
      client: new SESv2Client({
        region: Config.region,
        ...(endpoint ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } } : {}),
      }),
    };
  }
  return ses.client;
}

/** Hands one email with HTML and plain-text parts (and its files, if any) to SES (the emulator, locally); throws if SES refuses. */
export async function deliver(to: string, email: RenderedEmail): Promise<void> {
  const [client, { SendEmailCommand }] = await Promise.all([sesClient(), sdk()]);
  await client.send(
    new SendEmailCommand({
      FromEmailAddress: sender(email.fromName),
      ...(email.replyTo ? { ReplyToAddresses: [email.replyTo] } : {}),
      ConfigurationSetName: Config.sesConfigurationSet,
      Destination: { ToAddresses: [to] },
      Content: {
        Simple: {
          // Again here: an email kept in the outbox from before was rendered by older code.
          Subject: { Data: oneLineSubject(email.subject), Charset: "UTF-8" },
          Body: {
            Html: { Data: email.html, Charset: "UTF-8" },
            Text: { Data: email.text, Charset: "UTF-8" },
          },
          // SES v2 builds the multipart/mixed message itself; an email without files stays simple.
          ...(email.attachments?.length
            ? {
                Attachments: email.attachments.map((file) => ({
                  FileName: file.filename,
                  ContentType: file.contentType,
                  ContentDisposition: "ATTACHMENT" as const,
                  ContentTransferEncoding: "BASE64" as const,
                  RawContent: Buffer.from(file.content, "base64"),
                })),
              }
            : {}),
        },
      },
    }),
  );
}

/**
 * The From header: the installation's own address (the one SES may send as), under the agency's
 * name when the email has one (BATON_EMAIL_FROM's own display name is not used: clients see the agency's). The name is one line, quoted, and MIME-encoded when it is not ASCII
 * (SES requires RFC 2047 for such names), so it can never add a header or change the address.
 */
export function sender(name: string | undefined): string {
  const configured = Config.emailFrom;
  const address = /<([^<>]+)>\s*$/.exec(configured)?.[1] ?? configured.trim();
  // No agency to name (a sign-in email for several): the bare address, never the product's name.
  const clean = oneLineSubject(name ?? "").slice(0, 80);
  if (!clean) return address;
  const display = /^[\x20-\x7e]*$/.test(clean) ? `"${clean.replace(/["\\]/g, "\\$&")}"` : `=?UTF-8?B?${Buffer.from(clean, "utf8").toString("base64")}?=`;
  return `${display} <${address}>`;
}

/**
 * Sends one email. If SES can't take it now, it waits in the outbox (outbox.ts) and the scheduled
 * job sends it later: "queued". Only if it can be neither sent nor kept is it an error.
 */
export async function send(to: string, email: RenderedEmail): Promise<"sent" | "queued" | "suppressed"> {
  if (await isUndeliverable(to)) {
    // SES reported it bouncing or complaining (feedback.ts): more mail would only hurt the
    // sending reputation. The owner sees it on the person.
    Metrics.count(Metrics.Names.emailsSuppressed);
    return "suppressed";
  }
  try {
    await deliver(to, email);
    Metrics.count(Metrics.Names.emailsSent);
    return "sent";
  } catch (error) {
    Log.error("email: SES send failed; keeping it in the outbox", error);
    try {
      await Outbox.queue(to, email, error);
      Metrics.count(Metrics.Names.emailsQueued);
      return "queued";
    } catch (queueError) {
      Log.error("email: could not keep it in the outbox either", queueError);
      throw new VisibleError("unavailable", "email.unavailable", "Email could not be sent right now. Please try again in a minute.");
    }
  }
}

/** SES for emails kept in the outbox, except to addresses that bounced or complained since. */
export const keptSender: Outbox.Sender = {
  deliver: async (to, email) => {
    await deliver(to, email);
    Metrics.count(Metrics.Names.emailsSent);
  },
  undeliverableAmong,
};

/** The outbox job: sends the emails SES could not take before (dropping those to addresses that bounced since). */
export const flushOutbox = (now = new Date()) => Outbox.flush(keptSender, now);

/** After the response (in-process locally, the worker function on AWS): the emails a request queued. */
const deliverLater = Deferred.define("email.outbox", async ({ emailIds }: { emailIds: string[] }) => {
  await Outbox.deliverQueued(emailIds, keptSender);
});

/**
 * Emails caused by a change a request makes, sent after it: each is kept in the outbox first (one
 * write, no SES in the request), then sent right after the response; one SES can't take stays in
 * the outbox and the outbox job retries it, so it is never lost and goes out once.
 */
export async function later(messages: ReadonlyArray<{ to: string; email: RenderedEmail }>): Promise<void> {
  if (!messages.length) return;
  const emailIds = await Promise.all(messages.map(({ to, email }) => Outbox.enqueue(to, email)));
  await deliverLater({ emailIds });
}

/**
 * As `later`, with the outbox items written in the caller's transaction (no write of their own):
 * `items` go into the transaction, `after` is called once it committed to send them after the response.
 */
export function laterIn(tx: Pick<TransactionEntities, "outboxEmail">, messages: ReadonlyArray<{ to: string; email: RenderedEmail }>) {
  const queued = messages.map(({ to, email }) => Outbox.enqueueItem(tx, to, email));
  const emailIds = queued.map((q) => q.emailId);
  return { items: queued.map((q) => q.commit), after: () => (emailIds.length ? deliverLater({ emailIds }) : Promise.resolve()) };
}

/**
 * As `laterIn`, for work that runs once per change and sends the emails itself as soon as its
 * transaction committed (a client notice turned into emails): the items are written already
 * claimed, so `after` sends them from memory, with no read or claim of its own. If this run stops
 * before they are sent, the outbox job sends them after the claim's pause.
 */
export function sentByThisRunIn(tx: Pick<TransactionEntities, "outboxEmail">, messages: ReadonlyArray<{ to: string; email: RenderedEmail }>) {
  const now = new Date();
  const claimed = Outbox.claimedItems(tx, messages, now);
  return {
    items: claimed.items,
    after: async () => {
      const results = await Outbox.sendClaimed(claimed.records, keptSender, now, true);
      for (const result of results) if (result === "waiting") Metrics.count(Metrics.Names.emailsQueued);
    },
  };
}
