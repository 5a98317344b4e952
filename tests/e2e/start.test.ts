import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { emailsTo } from "@baton/local/mailbox";
import { assertPortFree, freePort } from "@baton/local/stand-ins";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/browser.ts";

// `npm start` as a new user meets it: the local runtime as its own process (DynamoDB Local on
// disk, the SES emulator, the server), the printed URLs, the demo owner signing in through the
// mailbox page, Ctrl-C stopping everything, and a restart keeping the data without reseeding.

const repo = resolve(import.meta.dirname, "../..");

type Running = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

let dataDir: string;
let ports: { app: number; dynamo: number; ses: number; s3: number };
let browser: Browser;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "baton-start-"));
  ports = { app: await freePort(), dynamo: await freePort(), ses: await freePort(), s3: await freePort() };
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts `packages/local/src/main.ts` (what `npm start` runs after building the apps). */
async function start(): Promise<Running> {
  const child = spawn(process.execPath, ["--import", "tsx", "packages/local/src/main.ts"], {
    cwd: repo,
    env: {
      ...process.env,
      BATON_DATA_DIR: dataDir,
      PORT: String(ports.app),
      DYNAMODB_PORT: String(ports.dynamo),
      SES_PORT: String(ports.ses),
      S3_PORT: String(ports.s3),
      // The test runner's own configuration must not leak into the platform.
      BATON_TABLE_NAME: "",
      DYNAMODB_ENDPOINT: "",
      SES_ENDPOINT: "",
      S3_ENDPOINT: "",
      BATON_BUCKET_NAME: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  const deadline = Date.now() + 90_000;
  while (!output.includes("Press Ctrl-C to stop")) {
    if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not come up:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return { child, output: () => output, exited };
}

async function interrupt(running: Running) {
  running.child.kill("SIGINT");
  expect(await running.exited).toBe(0);
  // Nothing left behind: every port is free again, DynamoDB Local's Java process included.
  await assertPortFree(ports.app, "Baton");
  await assertPortFree(ports.dynamo, "DynamoDB Local");
  await assertPortFree(ports.ses, "SES emulator");
  await assertPortFree(ports.s3, "S3 stand-in");
}

/** Signs in on the app's sign-in page and follows the link from the mailbox page, as the README says. */
async function signInThroughMailbox(page: Page, mailboxUrl: string, email: string) {
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await page.getByRole("heading", { name: "Check your email" }).waitFor();

  const mailbox = await page.context().newPage();
  await mailbox.goto(mailboxUrl);
  const message = mailbox
    .locator(".email")
    .filter({ hasText: `To: ${email}` })
    .filter({ hasText: "Sign in" })
    .first();
  await message.getByRole("button", { name: "Toggle HTML view" }).click();
  const opened = page.context().waitForEvent("page");
  await message.frameLocator("iframe").getByRole("link", { name: /sign in/i }).click();
  const app = await opened;
  await app.waitForURL((url) => !url.pathname.endsWith("/auth/verify"));
  await mailbox.close();
  return app;
}

describe("npm start", () => {
  it("serves the demo, prints where everything is, and stops on Ctrl-C", async () => {
    const running = await start();
    const printed = running.output();
    const teamUrl = /Team app\s+(\S+)/.exec(printed)?.[1];
    const portalUrl = /Client portal\s+(\S+)/.exec(printed)?.[1];
    const mailboxUrl = /Mailbox\s+(\S+)/.exec(printed)?.[1];
    expect(printed).toContain("demo data created");
    expect(teamUrl).toBe(`http://localhost:${ports.app}/`);
    expect(portalUrl).toBe(`http://localhost:${ports.app}/portal/`);
    expect(mailboxUrl).toContain(String(ports.ses));
    expect(printed).toContain("owner@northwind.example");
    expect(printed).toContain("ada@acme.example");

    const context = await browser.newContext({ locale: "en-US", timezoneId: "America/New_York" });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(teamUrl!);
      await page.waitForURL(/\/sign-in/);
      const app = await signInThroughMailbox(page, mailboxUrl!, "owner@northwind.example");
      await app.getByRole("navigation").getByRole("link", { name: "Team", exact: true }).click();
      await app.locator('[data-testid="member-row"][data-email="sam@northwind.example"]').waitFor();
      await expect(app.getByTestId("member-row").count()).resolves.toBe(3);
      await app.getByRole("navigation").getByRole("link", { name: "Clients", exact: true }).click();
      await app.getByTestId("client-row").first().waitFor();
      await expect(app.getByTestId("client-row").count()).resolves.toBe(3);

      // The demo has money at every stage: paid, part paid and overdue, just sent, a draft.
      await app.getByRole("navigation").getByRole("link", { name: "Invoices", exact: true }).click();
      await app.getByTestId("invoice-row").first().waitFor();
      const invoices = await (await app.request.get(`${teamUrl}api/invoices?status=all`)).json();
      expect(invoices.items.map((invoice: { status: string }) => invoice.status).sort()).toEqual(["draft", "paid", "partially_paid", "sent"]);
      expect(invoices.items.some((invoice: { overdue: boolean }) => invoice.overdue)).toBe(true);
      const revenue = await (await app.request.get(`${teamUrl}api/reports/revenue`)).json();
      expect(revenue.currencies.map((c: { currency: string }) => c.currency).sort()).toEqual(["AUD", "USD"]);

      // The scheduled jobs run locally too: Acme's overdue invoice was a reminder on start.
      await expect
        .poll(async () => (await emailsTo(`http://localhost:${ports.ses}`, "ada@acme.example")).filter((e) => e.subject.startsWith("Reminder: invoice")).length, { timeout: 20_000 })
        .toBe(1);

      // Something made in this run, to look for after the restart.
      const invited = await app.request.post(`${teamUrl}api/members`, {
        headers: { "x-baton-app": "web" },
        data: { email: "new.hire@northwind.example", name: "New Hire", skills: [], timeZone: "Europe/Athens", weeklyCapacityHours: 10 },
      });
      expect(invited.status()).toBe(201);
    } finally {
      await context.close();
    }

    await interrupt(running);
  });

  it("keeps the data on restart and does not seed twice", async () => {
    const running = await start();
    expect(running.output()).not.toContain("demo data created");
    const teamUrl = /Team app\s+(\S+)/.exec(running.output())![1]!;
    const mailboxUrl = /Mailbox\s+(\S+)/.exec(running.output())![1]!;

    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto(`${teamUrl}sign-in`);
      const app = await signInThroughMailbox(page, mailboxUrl, "owner@northwind.example");
      await app.goto(`${teamUrl}team`);
      await app.locator('[data-testid="member-row"][data-email="new.hire@northwind.example"]').waitFor();
      await expect(app.getByTestId("member-row").count()).resolves.toBe(4);
      await app.goto(`${teamUrl}clients`);
      await app.getByTestId("client-row").first().waitFor();
      await expect(app.getByTestId("client-row").count()).resolves.toBe(3);

      // The demo's files are in the data folder's bucket too, and still download.
      const clients = await (await app.request.get(`${teamUrl}api/clients?limit=100`)).json();
      const acme = clients.items.find((client: { name: string }) => client.name === "Acme Corp");
      const files = await (await app.request.get(`${teamUrl}api/clients/${acme.id}/files`)).json();
      const report = files.items.find((file: { name: string }) => file.name === "November report (corrected).pdf");
      expect(report).toMatchObject({ seriesVersion: 2, contentType: "application/pdf" });
      const downloaded = await app.request.get(`${teamUrl}api/files/${report.id}/download`);
      expect(downloaded.status()).toBe(200);
      expect(downloaded.headers()["content-disposition"]).toMatch(/^attachment;/);
      expect((await downloaded.body()).subarray(0, 5).toString()).toBe("%PDF-");
    } finally {
      await context.close();
    }

    await interrupt(running);
  });
});
