import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { agencyJobs, assertSucceeded, globalJobs, JobsFailed, runScheduledJobs, type RunReport } from "@baton/functions/jobs/run";
import { ApiClient, signIn, startApi, type Started } from "../support/http.ts";
import { createAgency } from "../support/fixtures.ts";
import { captureOutput, metricPoints } from "../support/logs.ts";

// Jobs fail loudly and alone: an agency with bad data already stored (a retainer fee so large its
// tax can't be totalled) is logged and skipped, every other agency — and the
// poisoned agency's other clients and other jobs — still gets its work done, and only then does
// the run report the failure, by agency and job, as a log line and a metric.

let api: Started;
type Shop = { agencyId: string; owner: ApiClient; clientId: string; code: string };
const shops: Record<"before" | "poisoned" | "after", Shop> = {} as never;
let healthyClientOfPoisoned: string;
let report: RunReport;
let lines: Record<string, any>[];
let logText: string;
let poisonedEmail: string;

async function retainerShop(name: string): Promise<Shop & { ownerEmail: string }> {
  const agency = await createAgency(name);
  const owner = new ApiClient(api.baseUrl);
  await signIn(owner, agency.ownerEmail);
  const code = `R${Math.floor(Math.random() * 1e6)}`;
  const client = await owner.post("/clients", {
    name: `${name} client`,
    code,
    timeZone: "Europe/London",
    currency: "GBP",
    status: "active",
    billing: { taxRate: 2000, retainer: { fee: 50_000, includedMinutes: 600 } },
  });
  expect(client.status, JSON.stringify(client.body)).toBe(201);
  return { agencyId: agency.agencyId, owner, clientId: client.body.id, code, ownerEmail: agency.ownerEmail };
}

const retainersOf = async (shop: Shop, clientId = shop.clientId) =>
  (await shop.owner.get(`/invoices?clientId=${clientId}&limit=100`)).body.items.filter((i: any) => i.kind === "retainer");

beforeAll(async () => {
  api = await startApi();
  // Agencies are listed in the order they were created (their ids sort by time): the poisoned one
  // sits between two healthy ones, so a job that stopped at it would starve the one after.
  shops.before = await retainerShop("Before Agency");
  const poisoned = await retainerShop("Poisoned Agency");
  shops.poisoned = poisoned;
  poisonedEmail = poisoned.ownerEmail;
  shops.after = await retainerShop("After Agency");
  // A second, healthy retainer client in the poisoned agency, created after the bad one.
  const healthy = await poisoned.owner.post("/clients", {
    name: "Healthy neighbour",
    code: `H${Math.floor(Math.random() * 1e6)}`,
    timeZone: "Europe/London",
    currency: "GBP",
    status: "active",
    billing: { retainer: { fee: 10_000, includedMinutes: 60 } },
  });
  healthyClientOfPoisoned = healthy.body.id;
  // Bad data already stored (written below the API, as data saved before input bounds existed):
  // a 10¹² fee at a 1,000,000 % tax rate, whose tax is past safe integers, so rounding refuses it.
  // (10¹² at 100 %, issue 13's original finding, is now totalled exactly.)
  await db.entities.client.patch({ agencyId: poisoned.agencyId, clientId: poisoned.clientId }).set({ retainerFee: 1e12, taxRate: 100_000_000 }).go();

  const saved = process.env.BATON_METRICS_NAMESPACE;
  process.env.BATON_METRICS_NAMESPACE = "Baton/test";
  process.env.BATON_LOG_LEVEL = "info";
  const output = captureOutput();
  try {
    report = await runScheduledJobs(new Date("2026-12-02T12:00:00Z"));
  } finally {
    output.stop();
    process.env.BATON_LOG_LEVEL = "warn";
    if (saved === undefined) delete process.env.BATON_METRICS_NAMESPACE;
    else process.env.BATON_METRICS_NAMESPACE = saved;
  }
  lines = output.json();
  logText = output.text();
});
afterAll(() => api.close());

describe("a run with a poisoned agency", () => {
  it("still invoices the agencies before and after it", async () => {
    for (const shop of [shops.before, shops.after]) {
      const invoices = await retainersOf(shop);
      expect(invoices.map((i: any) => [i.period, i.status, i.total])).toEqual([["2026-12", "sent", 60_000]]);
    }
  });

  it("still invoices the poisoned agency's healthy client, and issues nothing for the bad one", async () => {
    expect((await retainersOf(shops.poisoned, healthyClientOfPoisoned)).map((i: any) => i.period)).toEqual(["2026-12"]);
    expect(await retainersOf(shops.poisoned)).toEqual([]);
    // Nothing half done: no claim on the month, so a run after the data is fixed issues it.
    const claim = await db.entities.uniqueness.get({ agencyId: shops.poisoned.agencyId, scope: "retainer-period", value: `${shops.poisoned.clientId}#2026-12` }).go();
    expect(claim.data).toBeNull();
  });

  it("runs the poisoned agency's other jobs", () => {
    const jobsOfPoisoned = report.jobs.filter((job) => job.agencyId === shops.poisoned.agencyId);
    expect(jobsOfPoisoned.map((job) => [job.job, job.failed])).toEqual([
      ["hourBank", 0],
      ["retainerInvoices", 1],
      ["autopayCharges", 0],
      ["npsCheckIns", 0],
      ["weeklyDigests", 0],
      ["recurringWork", 0],
      ["quoteExpiry", 0],
    ]);
  });

  it("reports exactly one failure, naming the job and the agency", () => {
    expect(report.failed).toBe(1);
    expect(report.jobs.filter((job) => job.failed).map((job) => [job.job, job.agencyId])).toEqual([["retainerInvoices", shops.poisoned.agencyId]]);
    expect(report.jobs.find((job) => job.job === "emailOutbox")).toMatchObject({ failed: 0 });
  });

  it("then fails the run, after everything ran", () => {
    expect(() => assertSucceeded(report.jobs)).toThrow(JobsFailed);
    expect(() => assertSucceeded(report.jobs)).toThrow(`retainerInvoices (${shops.poisoned.agencyId})`);
    const healthyOnly = report.jobs.filter((job) => job.agencyId !== shops.poisoned.agencyId);
    expect(() => assertSucceeded(healthyOnly)).not.toThrow();
  });

  it("logs the failure as a structured line with the agency, the client and the error, and no address", () => {
    const failure = lines.find((line) => line.event === "retainer invoice failed; skipped");
    expect(failure).toMatchObject({
      level: "error",
      job: "retainerInvoices",
      agencyId: shops.poisoned.agencyId,
      clientId: shops.poisoned.clientId,
      actor: { type: "system" },
      error: { name: "RangeError" },
    });
    expect(lines.find((line) => line.event === "job finished" && line.agencyId === shops.poisoned.agencyId && line.job === "retainerInvoices")).toMatchObject({ level: "error", failed: 1 });
    expect(logText).not.toContain(poisonedEmail);
    expect(logText).not.toMatch(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/);
  });

  it("emits each job's outcome as metrics: runs, failures by job", () => {
    const failures = metricPoints(lines, "JobFailures");
    const retainerFailures = failures.filter((point) => point.dimensions.Job === "retainerInvoices").map((point) => point.value);
    expect(retainerFailures.sort()).toEqual([0, 0, 1]);
    expect(failures.filter((point) => point.dimensions.Job !== "retainerInvoices").every((point) => point.value === 0)).toBe(true);
    const runs = metricPoints(lines, "JobRuns");
    // Each global job once, every agency job for each of the three agencies.
    expect(runs).toHaveLength(Object.keys(globalJobs).length + Object.keys(agencyJobs).length * 3);
    expect(lines.find((line) => line._aws)?._aws.CloudWatchMetrics[0].Namespace).toBe("Baton/test");
  });
});

describe("on AWS: the fan-out through the jobs queue", () => {
  const message = (messageId: string, body: string) => ({ messageId, body }) as never;

  it("the worker reports only the poisoned agency's message as failed (SQS retries it, then dead-letters it)", async () => {
    const { handler } = await import("@baton/functions/jobs/agency");
    const at = "2026-12-02T12:15:00Z";
    const result = await handler({
      Records: [
        message("m-before", JSON.stringify({ agencyId: shops.before.agencyId, at })),
        message("m-poisoned", JSON.stringify({ agencyId: shops.poisoned.agencyId, at })),
        message("m-garbled", "{not json"),
        message("m-after", JSON.stringify({ agencyId: shops.after.agencyId, at })),
      ],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: "m-poisoned" }]);
    // Idempotent: the healthy agencies' December invoices were issued once, by the first run.
    expect((await retainersOf(shops.before)).map((i: any) => i.period)).toEqual(["2026-12"]);
  });

  it("the scheduled function sends one message per agency, ten to a call", async () => {
    const { startFakeSqs } = await import("../support/fake-sqs.ts");
    const { queueDispatch } = await import("@baton/functions/jobs/queue");
    const sqs = await startFakeSqs();
    Object.assign(process.env, { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" });
    const output = captureOutput(); // the SDK warns that the queue URL's host is used as the endpoint
    try {
      const ids = Array.from({ length: 23 }, (_, n) => `agy_${String(n).padStart(26, "0")}`);
      expect(await queueDispatch(sqs.queueUrl)(ids, new Date("2026-12-02T12:30:00Z"))).toEqual([]);
      expect(sqs.batches.map((batch) => batch.length)).toEqual([10, 10, 3]);
      expect(sqs.batches.flat().map((entry) => JSON.parse(entry.MessageBody))).toEqual(ids.map((agencyId) => ({ agencyId, at: "2026-12-02T12:30:00.000Z" })));

      // A message the queue refuses fails the dispatch: no agency is dropped silently.
      sqs.refuseNext();
      await expect(queueDispatch(sqs.queueUrl)(ids.slice(0, 2), new Date())).rejects.toThrow(/refused 1 of 2/);
    } finally {
      output.stop();
      await sqs.close();
    }
  });
});

describe("batched sends", () => {
  it("sends a job's emails a few at a time, each once", async () => {
    const { Email } = await import("@baton/core/email");
    const { uniqueEmail } = await import("../support/fixtures.ts");
    const { mailCount } = await import("../support/http.ts");
    const to = Array.from({ length: 12 }, (_, n) => uniqueEmail(`batch${n}`));
    const outcome = await Email.sendAll(
      to.map((address, n) => ({ to: address, email: { subject: `Batch ${n}`, html: `<p>${n}</p>`, text: `${n}\n` } })),
      "batch test",
    );
    expect(outcome).toEqual({ sent: 12, failed: 0 });
    expect(await Promise.all(to.map(mailCount))).toEqual(to.map(() => 1));
  });
});
