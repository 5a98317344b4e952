import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { samples } from "../support/files.ts";
import { createWorld, type World } from "../support/world.ts";

// Files and conversations in a real Chromium, against the S3 stand-in: a client drags two files
// into a new request and the owner downloads them; a subcontractor delivers a 20 MB file with a
// progress bar, which the client sees only after QA; the owner's unread badge appears when the
// client writes and clears once read; an internal note never reaches the portal.

let platform: Started;
let browser: Browser;
let world: World;
let owner: Page;
let client: Page;
let sub: Page;
let requestId: string;

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Files Browser Agency");
  owner = await newPerson(browser);
  await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
  client = await newPerson(browser, "America/New_York");
  await signInWithEmail(client, `${platform.baseUrl}/portal`, world.people.contact.email);
  sub = await newPerson(browser, "Asia/Kolkata");
  await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Drops files on a drop zone the way a desktop drag does: a DataTransfer holding File objects. */
async function dropFiles(page: Page, zone: string, files: { name: string; type: string; base64: string }[]) {
  const transfer = await page.evaluateHandle((list) => {
    // The page's globals, typed loosely: the tests compile without the DOM lib.
    const page = globalThis as any;
    const data = new page.DataTransfer();
    for (const file of list) {
      const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
      data.items.add(new page.File([bytes], file.name, { type: file.type }));
    }
    return data;
  }, files);
  await page.locator(zone).dispatchEvent("drop", { dataTransfer: transfer });
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("files", () => {
  it("a client drags two files into a new request, and the owner downloads them", async () => {
    await client.goto(`${platform.baseUrl}/portal/requests/new`);
    const form = client.getByTestId("request-form");
    await form.getByLabel("Title").fill("Design a spring flyer");
    await form.getByLabel("Service").fill("Design");
    await form.getByLabel("Description").fill("See the brief and our logo.");
    await dropFiles(client, '[data-testid="request-files"] [data-testid="drop-zone"]', [
      { name: "Brief.pdf", type: "application/pdf", base64: b64(samples.pdf()) },
      { name: "Logo.png", type: "image/png", base64: b64(samples.png()) },
    ]);
    const rows = form.getByTestId("upload-row");
    await form.locator('[data-testid="upload-row"][data-state="ready"]').nth(1).waitFor();
    await expect(rows.count()).resolves.toBe(2);
    await form.getByRole("button", { name: "Submit request" }).click();
    await client.waitForURL(/\/portal\/requests\/req_/);
    requestId = new URL(client.url()).pathname.split("/").pop()!;
    // The client sees the files on the request, the image with a preview.
    await client.getByRole("link", { name: "Download Brief.pdf" }).waitFor();
    await client.getByRole("img", { name: "Preview of Logo.png" }).waitFor();
    await expect
      .poll(() => client.getByRole("img", { name: "Preview of Logo.png" }).evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBe(1);

    await owner.goto(`${platform.baseUrl}/requests/${requestId}`);
    const [download] = await Promise.all([owner.waitForEvent("download"), owner.getByRole("link", { name: "Download Brief.pdf" }).click()]);
    expect(download.suggestedFilename()).toBe("Brief.pdf");
    expect(Buffer.from(await readFile((await download.path())!)).equals(Buffer.from(samples.pdf()))).toBe(true);
  });

  it("a subcontractor delivers a 20 MB file with a progress bar, and the client sees it only after QA", async () => {
    const accepted = await world.owner.post(`/requests/${requestId}/accept`, {
      version: (await world.owner.get(`/requests/${requestId}`)).body.request.version,
      tasks: [{ title: "Design the flyer", estimateHours: 2, dueAt: new Date(Date.now() + 3 * 86_400_000).toISOString() }],
    });
    const task = accepted.body.tasks[0];
    await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub });

    await sub.goto(`${platform.baseUrl}/tasks/${task.id}`);
    const upload = sub.getByTestId("deliverable-files");
    await upload.waitFor();
    // A slower line than loopback, so the bar has time to move; every value it shows is recorded.
    const cdp = await sub.context().newCDPSession(sub);
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 8 * 1024 * 1024 });
    await sub.evaluate(() => {
      const seen: string[] = [];
      (globalThis as unknown as { seenProgress: string[] }).seenProgress = seen;
      new (globalThis as any).MutationObserver(() => {
        const bar = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(n: string): string | null } | null } }).document.querySelector('[data-testid="deliverable-files"] [role="progressbar"]');
        const value = bar?.getAttribute("aria-valuenow");
        if (value && seen.at(-1) !== value) seen.push(value);
      }).observe((globalThis as unknown as { document: object }).document as never, { subtree: true, attributes: true, childList: true });
    });
    // A real file on disk: the browser reads it itself (a 20 MB buffer would cross the driver's pipe).
    const folder = await mkdtemp(join(tmpdir(), "baton-flyer-"));
    const path = join(folder, "Flyer print-ready.pdf");
    await writeFile(path, samples.bigPdf(20 * 1024 * 1024));
    await upload.locator('input[type="file"]').setInputFiles(path);
    await upload.locator('[data-testid="upload-row"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    const seen = (await sub.evaluate(() => (globalThis as unknown as { seenProgress: string[] }).seenProgress)).map(Number);
    expect(seen.filter((value) => value > 0 && value < 100).length).toBeGreaterThanOrEqual(2);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));

    await sub.getByLabel("Deliverable").fill("Print-ready flyer attached.");
    await sub.getByRole("button", { name: "Submit for QA" }).click();
    await sub.getByText("Submitted: waiting for QA review.").waitFor();

    // Before QA: nothing of it in the portal, on the request or the Files page.
    await client.goto(`${platform.baseUrl}/portal/requests/${requestId}`);
    await client.getByRole("heading", { name: "Design a spring flyer", level: 1 }).waitFor();
    await expect(client.getByText("Flyer print-ready.pdf").count()).resolves.toBe(0);
    await client.goto(`${platform.baseUrl}/portal/files`);
    await client.getByTestId("files-page").waitFor();
    await expect(client.getByText("Flyer print-ready.pdf").count()).resolves.toBe(0);

    // QA approves, editing the note the client reads.
    await owner.goto(`${platform.baseUrl}/tasks/${task.id}`);
    await owner.getByTestId("deliverable").getByText("Not shown to the client until QA approves it").waitFor();
    const review = owner.getByTestId("qa-review");
    await review.getByRole("radio", { name: /^5/ }).check();
    await review.getByLabel("Note to the client").fill("Your flyer is ready to print.");
    await review.getByRole("button", { name: "Approve for the client" }).click();
    await owner.getByTestId("client-note").getByText("Your flyer is ready to print.").waitFor();

    await client.goto(`${platform.baseUrl}/portal/requests/${requestId}`);
    await client.getByText("Your flyer is ready to print.").waitFor();
    await expect(client.getByText("Print-ready flyer attached.").count()).resolves.toBe(0);
    const [download] = await Promise.all([client.waitForEvent("download"), client.getByRole("link", { name: "Download Flyer print-ready.pdf" }).click()]);
    expect((await readFile((await download.path())!)).length).toBe(20 * 1024 * 1024);
  });
});

describe("conversations", () => {
  const navCount = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Requests", exact: true }).locator(".nav-count");

  it("shows the owner an unread badge when the client writes, and clears it once read", async () => {
    await world.owner.post(`/requests/${requestId}/read`);
    await owner.goto(`${platform.baseUrl}/requests?status=all`);
    await owner.getByTestId("request-row").first().waitFor();
    await expect(navCount(owner).count()).resolves.toBe(0);

    await client.goto(`${platform.baseUrl}/portal/requests/${requestId}`);
    const composer = client.getByTestId("composer");
    await composer.getByLabel("Your message").fill("Could the flyer be A5 too?");
    await composer.getByRole("button", { name: "Send" }).click();
    await client.getByTestId("message").filter({ hasText: "A5 too?" }).waitFor();

    // The owner's page was left open: the count and the row's mark come by themselves.
    await navCount(owner).waitFor({ timeout: 40_000 });
    await expect(navCount(owner).innerText()).resolves.toMatch(/^1/);
    await owner.locator(`[data-testid="request-row"]`).filter({ has: owner.getByTestId("unread-dot") }).first().waitFor();
    await owner.goto(`${platform.baseUrl}/`);
    await owner.getByTestId("home-unread").getByText("Could the flyer be A5 too?", { exact: false }).waitFor();

    // Reading it clears both, and the open conversation brings the client's next message by itself.
    await owner.getByTestId("home-unread").getByRole("link").first().click();
    await owner.getByTestId("message").filter({ hasText: "A5 too?" }).waitFor();
    await navCount(owner).waitFor({ state: "detached" });
    await composer.getByLabel("Your message").fill("And a poster, if you can.");
    await composer.getByRole("button", { name: "Send" }).click();
    await owner.getByTestId("message").filter({ hasText: "And a poster" }).waitFor();
  });

  it("never shows an internal note in the portal", async () => {
    await sub.goto(`${platform.baseUrl}/requests/${requestId}`);
    // This agency keeps subcontractors to internal notes: the client thread is read-only for them.
    await sub.getByTestId("client-thread").getByText("Your agency has subcontractors write internal notes").waitFor();
    const notes = sub.getByTestId("note-composer");
    await notes.getByLabel("Your note").fill("Printer charges extra for A5: check with Olivia.");
    await notes.getByRole("button", { name: "Add note" }).click();
    await sub.getByTestId("internal-thread").getByTestId("message").filter({ hasText: "Printer charges extra" }).waitFor();
    await owner.getByTestId("internal-thread").getByText("Printer charges extra").waitFor();

    // The client's page keeps itself current; after the owner's next message it has refreshed past the note.
    await client.goto(`${platform.baseUrl}/portal/requests/${requestId}`);
    await world.owner.post(`/requests/${requestId}/messages`, { body: "A5 is fine, we'll send both." });
    await client.getByTestId("message").filter({ hasText: "A5 is fine" }).waitFor();
    await expect(client.getByText("Printer charges extra", { exact: false }).count()).resolves.toBe(0);
    await expect(client.getByTestId("internal-thread").count()).resolves.toBe(0);
    expect(await client.content()).not.toContain("Printer charges");
  });
});
