import { Log } from "../log/index.ts";
import type { RenderedEmail } from "./layout.ts";
import { send } from "./send.ts";

// Sending a job's emails in small batches rather than one after another: a client's contacts, a
// check-in's recipients, an invoice's readers go out a few at a time (SES accepts 14 a second on
// a new account), so a run's time grows with its emails divided by the batch, not with each one.
// Each email is still sent once, kept in the outbox if SES can't take it, and a failure is logged
// with its ids and counted, never thrown.

export const BATCH_SIZE = 5;

export type Outgoing = { to: string; email: RenderedEmail; ids?: Record<string, string> };

export async function sendAll(messages: Outgoing[], what: string, size = BATCH_SIZE): Promise<{ sent: number; failed: number }> {
  const outcome = { sent: 0, failed: 0 };
  for (let i = 0; i < messages.length; i += size) {
    const results = await Promise.allSettled(messages.slice(i, i + size).map((message) => send(message.to, message.email)));
    results.forEach((result, n) => {
      if (result.status === "fulfilled") outcome.sent++;
      else {
        outcome.failed++;
        Log.error(`${what}: email not sent`, result.reason, messages[i + n]!.ids);
      }
    });
  }
  return outcome;
}
