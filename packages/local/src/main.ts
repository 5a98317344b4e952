import { mkdir, readFile, writeFile } from "node:fs/promises";
import { randomBytes } from "node:crypto";
import { relative, resolve } from "node:path";
import { assertPortFree, ensureTable, portInUse, startDynamoLocal, startS3, startSes, StartupError, type DynamoLocal, type S3StandIn, type SesEmulator } from "./stand-ins.ts";

// `npm start`: the whole platform on this machine, against local stand-ins for AWS.
const repo = resolve(import.meta.dirname, "../../..");
// BATON_DATA_DIR lets a second copy (or the start-up test) keep its data elsewhere.
const stateDir = resolve(repo, process.env.BATON_DATA_DIR ?? ".baton");
const ports = {
  app: Number(process.env.PORT ?? 3000),
  dynamo: Number(process.env.DYNAMODB_PORT ?? 8000),
  ses: Number(process.env.SES_PORT ?? 8005),
  s3: Number(process.env.S3_PORT ?? 8010),
};
// BATON_TABLE_NAME points the runtime at another table, e.g. one the restore drill made.
const TABLE = process.env.BATON_TABLE_NAME || "baton";
const BUCKET = "baton-files";

async function sessionSecret(): Promise<string> {
  const file = resolve(stateDir, "session-secret");
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

async function main() {
  await mkdir(resolve(stateDir, "dynamodb"), { recursive: true });
  try {
    await assertPortFree(ports.app, "Baton", "PORT");
    await assertPortFree(ports.dynamo, "DynamoDB Local", "DYNAMODB_PORT");
    await assertPortFree(ports.ses, "SES emulator", "SES_PORT");
    await assertPortFree(ports.s3, "S3 stand-in", "S3_PORT");
  } catch (error) {
    // One sentence, no stack trace: which port, and how to pick another.
    console.error(error instanceof StartupError ? `\n${error.message}\n` : error);
    process.exit(1);
  }

  const stoppers: Array<() => Promise<void>> = [];
  const stop = async (code: number) => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => {});
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));

  try {
    console.log("Starting DynamoDB Local…");
    const dynamo: DynamoLocal = await startDynamoLocal({ port: ports.dynamo, dataDir: resolve(stateDir, "dynamodb") });
    stoppers.push(dynamo.stop);
    await ensureTable(dynamo.endpoint, TABLE);
    const ses: SesEmulator = await startSes({ port: ports.ses });
    stoppers.push(ses.stop);
    await mkdir(resolve(stateDir, "s3"), { recursive: true });
    const s3: S3StandIn = await startS3({ port: ports.s3, directory: resolve(stateDir, "s3") });
    stoppers.push(s3.stop);
    const { ensureLocalBucket } = await import("@baton/core/file/bucket");
    // Browsers upload to the bucket and read from it directly: CORS for the apps' origin.
    await ensureLocalBucket(s3.endpoint, BUCKET, [`http://localhost:${ports.app}`, `http://127.0.0.1:${ports.app}`]);

    const baseUrl = `http://localhost:${ports.app}`;
    Object.assign(process.env, {
      AWS_REGION: "us-east-1",
      BATON_TABLE_NAME: TABLE,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      SES_ENDPOINT: ses.endpoint,
      S3_ENDPOINT: s3.endpoint,
      BATON_BUCKET_NAME: BUCKET,
      BATON_SESSION_SECRET: await sessionSecret(),
      BATON_WEB_URL: baseUrl,
      BATON_PORTAL_URL: `${baseUrl}/portal`,
      // Warnings and errors only, so the URLs above stay readable; BATON_LOG_LEVEL=info shows each request.
      BATON_LOG_LEVEL: process.env.BATON_LOG_LEVEL || "warn",
      // Anyone trying Baton can create an agency; BATON_SIGNUP_MODE=invite or closed tries the others.
      BATON_SIGNUP_MODE: process.env.BATON_SIGNUP_MODE || "open",
    });

    // Imported only now: the core reads its configuration when first loaded.
    const { serve } = await import("@hono/node-server");
    const { createLocalApp } = await import("./server.ts");
    const { DEMO, seedDemo } = await import("./seed.ts");

    const seeded = await seedDemo();
    // A local table kept from before the client board's index and the quotes' expiry index: its
    // open tasks get their keys, and its sent quotes expire too (one pass over the agencies).
    const { Job } = await import("@baton/core/job");
    const { backfillClientWork } = await import("@baton/core/task/backfill");
    const { backfillQuotesAwaiting } = await import("@baton/core/quote/backfill");
    const { backfillNoticeShards } = await import("@baton/core/notify/backfill");
    const { backfillInvoiceShards } = await import("@baton/core/invoice/backfill");
    const { backfillWebhookShards } = await import("@baton/core/webhook/backfill");
    // Agencies from before the agencies index was sharded: first, or the jobs would not list them.
    await (await import("@baton/core/agency/backfill")).backfillAgencyShards();
    for (const agency of await Job.agencies()) {
      await backfillClientWork(agency.agencyId);
      await backfillQuotesAwaiting(agency.agencyId);
      // Client notices from before the outbox job's index was sharded (db/shard.ts).
      await backfillNoticeShards(agency.agencyId);
      // Invoices owing money from before the reminder job's index was sharded.
      await backfillInvoiceShards(agency.agencyId);
      // Webhook events to prepare and deliveries due, likewise.
      await backfillWebhookShards(agency.agencyId);
    }
    const server = serve({
      fetch: createLocalApp({ web: resolve(repo, "web/dist"), portal: resolve(repo, "portal/dist") }).fetch,
      port: ports.app,
    });
    // Taken between the check above and now: the same sentence, not an unhandled 'error' event.
    await new Promise<void>((listening, failed) => {
      server.once("listening", () => listening());
      server.once("error", (error: NodeJS.ErrnoException) => failed(error.code === "EADDRINUSE" ? portInUse(ports.app, "Baton", "PORT") : error));
    });
    stoppers.push(() => new Promise((done) => server.close(() => done())));

    // The scheduled jobs (retainer invoices, overdue reminders), as the 15-minute schedule runs
    // them on AWS: once now, then every JOBS_EVERY_MINUTES (15 by default).
    const { runScheduledJobs } = await import("@baton/functions/jobs/run");
    const { Log } = await import("@baton/core/log");
    const runJobs = () =>
      void runScheduledJobs()
        .then((report) => report.failed && Log.error("scheduled jobs: some failed (see the lines above)", undefined, { failed: report.failed }))
        .catch((error) => Log.error("scheduled jobs failed", error));
    runJobs();
    const jobTimer = setInterval(runJobs, Number(process.env.JOBS_EVERY_MINUTES ?? 15) * 60_000);
    stoppers.push(async () => clearInterval(jobTimer));
    // Emails about new messages, as the minute's schedule sends them on AWS.
    const { Inbox } = await import("@baton/core/inbox");
    const notifyTimer = setInterval(
      () => void Inbox.sendDue().catch((error) => console.error("notifications failed", error)),
      Number(process.env.NOTIFY_EVERY_SECONDS ?? 30) * 1000,
    );
    stoppers.push(async () => clearInterval(notifyTimer));

    console.log(`
Baton is running${seeded ? " (demo data created)" : ""}.

  Team app       ${baseUrl}/
  Client portal  ${baseUrl}/portal/
  API reference  ${baseUrl}/api/docs
  Mailbox        ${ses.mailboxUrl}
  Files (S3)     ${s3.endpoint}/${BUCKET}

Demo sign-ins: enter an address on a sign-in page, then open the link from the mailbox.
  Owner            ${DEMO.owner.email}
  Subcontractors   ${DEMO.subcontractors.map((s) => s.email).join(", ")}
  Client contacts  ${DEMO.clients.map((c) => `${c.contact.email} (${c.name})`).join(", ")}
                   (Sakura Studio is new: ${DEMO.clients[2].contact.email} finds its onboarding checklist in the portal)

Data is kept in ${stateDir.startsWith(repo + "/") ? relative(repo, stateDir) : stateDir}/ between runs. Press Ctrl-C to stop.`);
  } catch (error) {
    console.error(error instanceof StartupError ? `\n${error.message}\n` : error);
    await stop(1);
  }
}

void main();
