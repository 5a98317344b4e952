import { Surveys } from "@baton/core/survey";
import { signConsent } from "../../packages/core/src/hour-bank/consent.ts";
import type { Browser, Page } from "playwright-core";
import { approveTime } from "../support/approve-time.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fillPath, hasCatchAll, routePaths, type AppName } from "../support/app-routes.ts";
import { launchChromium, newPerson, signInWithEmail, startPlatform } from "../support/browser.ts";
import type { Started } from "../support/http.ts";
import { checkInSurveyId } from "../support/surveys.ts";
import { acceptedTask, createWorld, type World } from "../support/world.ts";

// Every page of both apps fits the screen: at 390 px (a phone) and 1440 px (a laptop) the page
// itself never scrolls sideways. Wide things (the board, a chart) scroll inside their own area;
// at 1440 px no table needs to. The pages come from the apps' route tables, so a new page is walked without editing this
// file (a page with an id in its path fails until it has a sample below). The data has the long
// titles, names and unbroken words people really type, which is what pushes layouts wide.

const widths = [390, 1440];

let platform: Started;
let browser: Browser;
let world: World;
const ids = { request: "", task: "", sop: "", invoice: "", surveyToken: "", consentToken: "", quote: "", payout: "" };

// One word longer than a phone is wide, and titles long enough to wrap several times.
const longWord = "Antidisestablishmentarianism-and-supercalifragilistic-expialidocious-reports";
const longTitle = `Prepare the quarterly board pack with investor updates, hiring plan and ${longWord}`;

async function check<T = any>(reply: { status: number; body: T }, status = 200): Promise<T> {
  expect(reply.status, JSON.stringify(reply.body)).toBe(status);
  return reply.body;
}

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, "Remarkably Long-Named Virtual Assistance Cooperative of the Southern Hemisphere");

  const sop = await check(
    await world.owner.post("/sops", { title: `Board pack routine: ${longWord}`, category: "Reporting", body: `Gather, draft, review. See ${longWord}.`, checklist: ["Gather the numbers", longTitle] }),
    201,
  );
  ids.sop = sop.id;
  const { request, task } = await acceptedTask(world, { title: longTitle, sopId: ids.sop });
  ids.request = request.id;
  ids.task = task.id;
  const assigned = await check(await world.owner.post(`/tasks/${task.id}/assign`, { version: task.version, memberId: world.ids.sub }));
  const workedAt = new Date(Date.now() - 26 * 3600_000);
  const logged = await check(await world.sub.post("/time", { taskId: task.id, startedAt: workedAt.toISOString(), minutes: 95, note: longTitle }), 201);
  // The subcontractor's approved time on a payout statement (both the owner and they read it).
  await approveTime(world, [logged]);
  const sub = await check(await world.owner.get(`/members/${world.ids.sub}`));
  await check(await world.owner.patch(`/members/${world.ids.sub}`, { version: sub.version, costRate: 2500 }));
  const period = new Intl.DateTimeFormat("en-CA", { timeZone: sub.timeZone, year: "numeric", month: "2-digit" }).format(workedAt);
  ids.payout = (await check(await world.owner.post("/payouts", { memberId: world.ids.sub, period }), 201)).id;
  // A deliverable in the QA queue, with a link longer than any screen.
  const second = await acceptedTask(world, { title: "Tidy the shared inbox" });
  const a = await check(await world.owner.post(`/tasks/${second.task.id}/assign`, { version: second.task.version, memberId: world.ids.sub }));
  await check(await world.sub.post(`/tasks/${second.task.id}/submit`, { version: a.task.version, text: longTitle, links: [`https://docs.example/${longWord}/${longWord}`] }));
  void assigned;
  // A request still waiting for triage, so the inbox has a long row too.
  await check(await world.contact.post("/requests", { title: longTitle, description: `${longWord} ${longWord}`, service: "Reporting" }), 201);

  const client = await check(await world.owner.get(`/clients/${world.ids.client}`));
  await check(await world.owner.patch(`/clients/${world.ids.client}`, { version: client.version, billing: { hourlyRate: 9000, taxRate: 2000, taxName: "VAT" } }));
  await check(await world.owner.post("/packages", { name: `Website care: ${longWord}`, description: longTitle, deliverables: [longTitle], prices: [{ currency: "USD", amount: 200000 }] }), 201);
  const draft = await check(
    await world.owner.post("/invoices", { clientId: world.ids.client, includeTime: true, lines: [{ kind: "custom", description: longTitle, quantity: 1, unitAmount: 5000 }] }),
    201,
  );
  await check(await world.owner.post(`/invoices/${draft.id}/send`, { version: draft.version }));
  ids.invoice = draft.id;
  // A sent quote with long words in its title, lines and terms (both apps show it).
  const quote = await check(
    await world.owner.post("/quotes", { clientId: world.ids.client, title: longTitle, lines: [{ kind: "custom", description: longTitle, quantity: 1, unitAmount: 5000 }], validUntil: "2199-12-31", terms: longTitle }),
    201,
  );
  await check(await world.owner.post(`/quotes/${quote.id}/send`, { version: quote.version }));
  ids.quote = quote.id;

  const surveyId = await checkInSurveyId(world.people.contact.email, { owner: world.owner, contact: world.contact });
  ids.surveyToken = Surveys.signToken(world.agency.agencyId, surveyId, new Date(Date.now() + 7 * 86_400_000));
  // A signed overage-consent link for this month (the client bills overage, so the page says why it can't approve).
  ids.consentToken = signConsent(world.agency.agencyId, world.ids.client, new Date().toISOString().slice(0, 7), new Date(Date.now() + 7 * 86_400_000));
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** Paths with ids: a page of real data for each, so the walk sees filled pages, not 404s. */
function samples(app: AppName): Record<string, string> {
  if (app === "web") {
    return {
      "/tasks/:id": `/tasks/${ids.task}`,
      "/requests/:id": `/requests/${ids.request}`,
      "/sops/:id": `/sops/${ids.sop}`,
      "/clients/:id": `/clients/${world.ids.client}`,
      "/invoices/:id": `/invoices/${ids.invoice}`,
      "/quotes/:id": `/quotes/${ids.quote}`,
      "/payouts/:id": `/payouts/${ids.payout}`,
      "/quotes/:id/edit": `/quotes/${ids.quote}/edit`,
    };
  }
  return {
    "/requests/:id": `/requests/${ids.request}`,
    "/invoices/:id": `/invoices/${ids.invoice}`,
    "/quotes/:id": `/quotes/${ids.quote}`,
    "/survey/:token": `/survey/${encodeURIComponent(ids.surveyToken)}`,
    "/hours/approve/:token": `/hours/approve/${encodeURIComponent(ids.consentToken)}`,
  };
}

const signedOutPaths = ["/sign-in", "/auth/verify", "/sign-up", "/sign-up/details", "/survey/:token", "/hours/approve/:token"];

/** The app's pages, split into those seen signed out and those behind sign-in (plus the not-found page). */
function pages(app: AppName) {
  const all = routePaths(app);
  const open = all.filter((path) => signedOutPaths.includes(path)).map((path) => fillPath(path, samples(app)));
  const signedIn = all.filter((path) => !signedOutPaths.includes(path)).map((path) => fillPath(path, samples(app)));
  if (hasCatchAll(app)) signedIn.push("/no-such-page");
  return { open, signedIn };
}

type Overflow = { path: string; width: number; by: number; culprits: string[] };

/** Waits for the page's content: a heading, nothing still loading, no route change under way. */
async function settle(page: Page) {
  await page.locator("h1").first().waitFor();
  await page.waitForFunction(() => !(globalThis as any).document.querySelector(".loading, .route-progress.active"));
  await page.waitForLoadState("networkidle");
}

/**
 * How far the page scrolls sideways, the elements that stick out past its edge, and the tables
 * that need scrolling inside their own box (fine on a phone, a layout bug on a laptop).
 */
async function measure(page: Page): Promise<{ by: number; culprits: string[]; clipped: boolean; tables: string[] }> {
  return page.evaluate(() => {
    const { document, getComputedStyle } = globalThis as any;
    const root = document.scrollingElement;
    const edge = root.clientWidth;
    // A page that hides its sideways scroll would pass without fitting: that is a failure too.
    const clipped = [document.documentElement, document.body].some((el: any) => ["hidden", "clip"].includes(getComputedStyle(el).overflowX));
    const culprits: string[] = [];
    const scrolls = (el: any) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
    const walk = (el: any) => {
      for (const child of el.children) {
        const rect = child.getBoundingClientRect();
        if (rect.width > 0 && rect.right > edge + 1 && getComputedStyle(child).position !== "fixed") {
          const name = `${child.tagName.toLowerCase()}${child.className && typeof child.className === "string" ? "." + child.className.trim().split(/\s+/).join(".") : ""}`;
          culprits.push(`${name} (right edge ${Math.round(rect.right)} px): ${String(child.textContent ?? "").trim().slice(0, 60)}`);
        }
        // What overflows inside a scrolling box scrolls there, not on the page.
        if (!scrolls(child)) walk(child);
      }
    };
    walk(document.body);
    // Nothing found outside scrolling boxes: something inside one escapes it (an absolutely
    // positioned child of a box that isn't positioned itself). List every element past the edge.
    if (culprits.length === 0 && root.scrollWidth > edge) {
      for (const el of document.body.querySelectorAll("*")) {
        const rect = el.getBoundingClientRect();
        if (rect.right > edge + 1) culprits.push(`${el.tagName.toLowerCase()}.${String(el.className)} (right edge ${Math.round(rect.right)} px, ${getComputedStyle(el).position})`);
      }
    }
    const tables = [...document.querySelectorAll(".table-wrap")]
      .filter((wrap: any) => wrap.scrollWidth > wrap.clientWidth + 1)
      .map((wrap: any) => `a table scrolls ${wrap.scrollWidth - wrap.clientWidth} px inside its box: ${String(wrap.querySelector("thead")?.textContent ?? "").slice(0, 80)}`);
    return { by: root.scrollWidth - edge, culprits: culprits.slice(0, 8), clipped, tables };
  });
}

async function walk(page: Page, base: string, paths: string[]): Promise<Overflow[]> {
  const found: Overflow[] = [];
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 });
    for (const path of paths) {
      await page.goto(`${base}${path}`);
      await settle(page);
      const { by, culprits, clipped, tables } = await measure(page);
      if (clipped) found.push({ path, width, by, culprits: ["the page hides its horizontal overflow (overflow-x on html or body)"] });
      else if (by > 0) found.push({ path, width, by, culprits });
      if (width >= 1440 && tables.length) found.push({ path, width, by: 0, culprits: tables });
    }
  }
  return found;
}

function report(found: Overflow[]) {
  return found.map((o) => `${o.path} at ${o.width} px${o.by ? ` scrolls ${o.by} px sideways` : ""}:\n    ${o.culprits.join("\n    ")}`).join("\n");
}

describe("every page fits the screen at 390 and 1440 px", () => {
  it("reads the pages from the route tables, ids and all", () => {
    const web = pages("web");
    expect(web.signedIn).toEqual(expect.arrayContaining(["/", "/board", "/team", `/tasks/${ids.task}`, `/invoices/${ids.invoice}`, "/no-such-page"]));
    expect(web.open).toEqual(["/sign-in", "/auth/verify", "/sign-up", "/sign-up/details"]);
    const portal = pages("portal");
    expect(portal.signedIn).toEqual(expect.arrayContaining(["/", "/requests/new", `/requests/${ids.request}`, "/company"]));
    expect(portal.open).toContain(`/survey/${encodeURIComponent(ids.surveyToken)}`);
    expect(() => fillPath("/widgets/:id", {})).toThrow(/No sample for the route "\/widgets\/:id"/);
  });

  it("the team app, signed out and as the owner", async () => {
    const { open, signedIn } = pages("web");
    const visitor = await newPerson(browser);
    const found = await walk(visitor, platform.baseUrl, open);
    await visitor.context().close();
    const owner = await newPerson(browser);
    await signInWithEmail(owner, platform.baseUrl, world.agency.ownerEmail);
    found.push(...(await walk(owner, platform.baseUrl, signedIn)));
    await owner.context().close();
    expect(found, `pages that scroll sideways:\n${report(found)}`).toEqual([]);
  }, 400_000);

  it("the team app as a subcontractor", async () => {
    const sub = await newPerson(browser, "Asia/Kolkata");
    await signInWithEmail(sub, platform.baseUrl, world.people.sub.email);
    const found = await walk(sub, platform.baseUrl, pages("web").signedIn);
    await sub.context().close();
    expect(found, `pages that scroll sideways:\n${report(found)}`).toEqual([]);
  }, 400_000);

  it("the client portal, signed out and as a client contact", async () => {
    const portal = `${platform.baseUrl}/portal`;
    const { open, signedIn } = pages("portal");
    const visitor = await newPerson(browser, "America/New_York");
    const found = await walk(visitor, portal, open);
    await visitor.context().close();
    const contact = await newPerson(browser, "America/New_York");
    await signInWithEmail(contact, portal, world.people.contact.email);
    found.push(...(await walk(contact, portal, signedIn)));
    await contact.context().close();
    expect(found, `pages that scroll sideways:\n${report(found)}`).toEqual([]);
  }, 300_000);
});
