import { verifyLinkIn } from "@baton/local/mailbox";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { el as elEmail } from "../../packages/core/src/email/messages-el.ts";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { en, type MessageKey, type Plural } from "../../packages/ui/src/i18n/en.ts";
import { launchChromium, startPlatform } from "../support/browser.ts";
import { mailCount, newEmailWithLink, waitForEmail, type Started } from "../support/http.ts";
import { createWorld, type World } from "../support/world.ts";

// The client portal in Greek, in a real Chromium whose language is Greek (el-GR, in Athens):
// the sign-in page follows the browser; the contact, whose saved language is Greek, gets the
// sign-in email, the portal and the form in Greek, sees dates with Greek month names and euro
// amounts written the Greek way ("1.234,50 €"), gets the invoice email in Greek, and switches
// the language to English on the Profile page and back. Expected texts come from the catalogs.

let platform: Started;
let browser: Browser;
let world: World;
let contact: Page;

const agencyName = "Athens Agency";

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, agencyName);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

/** A person in Athens whose browser speaks Greek. */
async function greekPerson() {
  const context = await browser.newContext({
    locale: "el-GR",
    timezoneId: "Europe/Athens",
    extraHTTPHeaders: { "Accept-Language": "el-GR,el;q=0.9" },
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  return page;
}

/** Fills a catalog template the way the app does: `{name}` placeholders, numbers by Intl, plurals by count. */
function fill(template: string | Plural, params: Record<string, string | number> = {}, tag = "el-GR"): string {
  const text =
    typeof template === "string"
      ? template
      : (template[new Intl.PluralRules(tag).select(Number(params.count ?? 0)) as keyof Plural] ?? template.other);
  return text.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === "number" ? new Intl.NumberFormat(tag).format(value) : value;
  });
}
const gr = (key: MessageKey, params?: Record<string, string | number>) => fill(el[key], params);
const english = (key: MessageKey, params?: Record<string, string | number>) => fill(en[key], params, "en");

/** Intl separates the amount and the currency sign with a no-break space; compare with plain spaces. */
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

const portalUrl = () => `${platform.baseUrl}/portal`;
const navLink = (page: Page, name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
const toast = (page: Page, text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const htmlLang = (page: Page) => page.evaluate(() => (globalThis as any).document.documentElement.lang as string);

/** A date a month from now, as the date input takes it. */
const inAMonth = () => new Date(Date.now() + 30 * 24 * 3600_000).toISOString().slice(0, 10);

describe("client portal in Greek", () => {
  const title = "Κράτηση ξενοδοχείου για το συνέδριο της Θεσσαλονίκης";
  let reference: string;
  let invoiceNumber: string;
  const euros = spaces(new Intl.NumberFormat("el-GR", { style: "currency", currency: "EUR" }).format(1234.5));

  it("a Greek browser gets the sign-in page in Greek before anyone signs in", async () => {
    contact = await greekPerson();
    await contact.goto(`${portalUrl()}/sign-in`);
    await contact.getByRole("heading", { name: el["signIn.title"], level: 1 }).waitFor();
    await contact.getByText(el["signIn.introPortal"]).waitFor();
    await expect(htmlLang(contact)).resolves.toBe("el");
    await expect(contact.title()).resolves.toContain(el["signIn.title"]);
  });

  it("the contact, whose language is Greek, signs in through the Greek form; the sign-in email is in Greek", async () => {
    // The contact's saved language: the portal applies it once they are signed in, and emails use it.
    const saved = await world.contact.patch("/me", { locale: "el", timeZone: "Europe/Athens" });
    expect(saved.status).toBe(200);
    expect(saved.body.locale).toBe("el");

    const seen = await mailCount(world.people.contact.email);
    await contact.getByLabel(el["field.email"]).fill(world.people.contact.email);
    await contact.getByRole("button", { name: el["signIn.submit"] }).click();
    await contact.getByRole("heading", { name: el["signIn.checkTitle"], level: 1 }).waitFor();
    await contact.getByText(gr("signIn.checkBody", { email: world.people.contact.email })).waitFor();

    const mail = await newEmailWithLink(world.people.contact.email, seen);
    expect(mail.subject).toBe(fill(elEmail["signIn.subject"], { agency: agencyName }));
    expect(mail.body.text).toContain(fill(elEmail["signIn.button"], { agency: agencyName }));
    expect(mail.body.html).toContain('lang="el"');

    await contact.goto(verifyLinkIn(mail)!);
    await contact.waitForURL((url) => url.pathname === "/portal" || url.pathname === "/portal/");
    await contact.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();
    await contact.getByText(el["portal.requests.emptyTitle"]).waitFor();
    for (const key of ["portal.nav.requests", "portal.nav.invoices", "nav.company", "nav.profile"] as const) {
      await navLink(contact, el[key]).waitFor();
    }
    await expect(navLink(contact, el["portal.nav.requests"]).getAttribute("aria-current")).resolves.toBe("page");
    await expect(htmlLang(contact)).resolves.toBe("el");
    await contact.getByText(gr("portal.requests.intro", { agency: agencyName })).waitFor();
  });

  it("submits a request through the Greek form and sees its status and dates in Greek", async () => {
    await contact.getByRole("link", { name: el["portal.requests.emptyAction"] }).click();
    await contact.waitForURL(/\/portal\/requests\/new$/);
    await contact.getByRole("heading", { name: el["portal.new.title"], level: 1 }).waitFor();

    const form = contact.getByTestId("request-form");
    const wanted = inAMonth();
    await form.getByLabel(el["portal.field.title"]).fill(title);
    await form.getByLabel(el["portal.field.service"]).fill(el["portal.service.admin"]);
    await form.getByLabel(el["portal.field.description"]).fill("Δέκα δωμάτια, τρεις νύχτες, κοντά στο λιμάνι.");
    const priority = form.getByLabel(el["portal.field.priority"]);
    await priority.selectOption("high");
    await expect(priority.locator("option:checked").innerText()).resolves.toBe(el["portal.priority.high"]);
    await form.getByLabel(el["portal.field.desiredDueDate"]).fill(wanted);
    await form.getByRole("button", { name: el["portal.new.submit"] }).click();

    await contact.waitForURL(/\/portal\/requests\/req_/);
    reference = `${world.code}-1`;
    await toast(contact, gr("portal.new.submittedReply", { reference }).split("{date}")[0]!);
    await contact.getByRole("heading", { name: title, level: 1 }).waitFor();
    const meta = await contact.getByTestId("request-meta").innerText();
    expect(meta).toContain(reference);
    expect(meta).toContain(el["portal.requestStatus.submitted"]);

    // The wanted-by date is a calendar date written the Greek way, with a Greek month name.
    const wantedText = new Intl.DateTimeFormat("el-GR", { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${wanted}T12:00:00Z`));
    expect(wantedText).toMatch(/[α-ωά-ώ]{3}/i);
    const details = await contact.locator("main").innerText();
    expect(details).toContain(el["portal.field.desiredDueDate"]);
    expect(details).toContain(wantedText);
    expect(details).toContain(el["portal.request.asked"]);
    expect(details).toContain(el["portal.deliverables.none"]);
    await contact.getByText(el["portal.request.responseDue"].split("{date}")[0]!.trim()).first().waitFor();
    const timeline = contact.getByTestId("timeline-entry");
    await timeline.first().waitFor();
    await expect(timeline.allInnerTexts()).resolves.toEqual([expect.stringContaining(gr("portal.timeline.submittedBy", { by: world.people.contact.name }))]);

    await contact.getByRole("link", { name: el["portal.request.back"] }).click();
    const row = contact.locator(`[data-testid="request-row"][data-reference="${reference}"]`);
    await row.waitFor();
    const rowText = await row.innerText();
    expect(rowText).toContain(title);
    expect(rowText).toContain(el["portal.requestStatus.submitted"]);
  });

  it("the team's invoice arrives by email in Greek, and the portal shows the euro amount the Greek way", async () => {
    expect(euros).toBe("1.234,50 €");
    const client = await world.owner.get(`/clients/${world.ids.client}`);
    const euro = await world.owner.patch(`/clients/${world.ids.client}`, { version: client.body.version, currency: "EUR" });
    expect(euro.status).toBe(200);
    const draft = await world.owner.post("/invoices", {
      clientId: world.ids.client,
      includeTime: false,
      lines: [{ kind: "custom", description: "Οργάνωση ταξιδιού", quantity: 1, unitAmount: 123450 }],
    });
    expect(draft.status).toBe(201);
    const before = Math.floor(Date.now() / 1000);
    const sent = await world.owner.post(`/invoices/${draft.body.id}/send`, { version: draft.body.version });
    expect(sent.status).toBe(200);
    invoiceNumber = sent.body.number;

    const mail = await waitForEmail(world.people.contact.email, (e) => e.at >= before && e.subject.includes(invoiceNumber));
    expect(spaces(mail.subject)).toBe(fill(elEmail["notify.invoiceSent.subject"], { number: invoiceNumber, agency: agencyName, amount: euros }));
    expect(spaces(mail.body.text ?? "")).toContain(fill(elEmail["notify.invoiceSent.button"]));
    expect(spaces(mail.body.text ?? "")).toContain(`${invoiceNumber} ποσού ${euros}`);

    await navLink(contact, el["portal.nav.invoices"]).click();
    await contact.getByRole("heading", { name: el["portal.invoices.title"], level: 1 }).waitFor();
    const row = contact.locator(`[data-testid="invoice-row"][data-number="${invoiceNumber}"]`);
    await row.waitFor();
    const rowText = spaces(await row.innerText());
    expect(rowText).toContain(euros);
    expect(rowText).toContain(el["portal.invoiceStatus.sent"]);
    await expect(contact.getByTestId("owed-notice").innerText().then(spaces)).resolves.toContain(gr("portal.invoices.owed", { count: 1, amount: euros }));

    await contact.getByRole("link", { name: gr("portal.invoices.open", { number: invoiceNumber }) }).click();
    await contact.getByRole("heading", { name: gr("portal.invoice.heading", { number: invoiceNumber }), level: 1 }).waitFor();
    const totals = spaces(await contact.getByTestId("invoice-totals").innerText());
    expect(totals).toMatch(new RegExp(`${el["portal.invoiceField.total"]}\\s+${euros.replace(/[.]/g, "\\.")}`));
    await expect(contact.getByTestId("invoice-meta").innerText()).resolves.toContain(gr("portal.invoice.fromAgency", { agency: agencyName }));
  });

  it("switches the language to English on the Profile page and back to Greek", async () => {
    await navLink(contact, el["nav.profile"]).click();
    await contact.getByRole("heading", { name: el["profile.title"], level: 1 }).waitFor();
    const language = contact.getByLabel(el["field.language"]);
    await expect(language.inputValue()).resolves.toBe("el");
    await expect(language.locator("option:checked").innerText()).resolves.toBe("Ελληνικά");

    await language.selectOption("en");
    // The profile's own form (the page also has the working hours' form, with its own Save).
    await contact.locator("form", { has: language }).getByRole("button", { name: el["common.save"] }).click();
    await toast(contact, english("profile.saved"));
    await navLink(contact, english("portal.nav.requests")).waitFor();
    await expect(htmlLang(contact)).resolves.toBe("en");
    await contact.getByRole("heading", { name: english("profile.title"), level: 1 }).waitFor();
    await expect((await world.contact.get("/me")).body.locale).toBe("en");

    const languageInEnglish = contact.getByLabel(english("field.language"));
    await languageInEnglish.selectOption("el");
    await contact.locator("form", { has: languageInEnglish }).getByRole("button", { name: english("common.save") }).click();
    await toast(contact, el["profile.saved"]);
    await navLink(contact, el["portal.nav.requests"]).waitFor();
    await expect(htmlLang(contact)).resolves.toBe("el");
    await expect((await world.contact.get("/me")).body.locale).toBe("el");

    // Still Greek after a reload, and on the other pages.
    await contact.reload();
    await contact.getByRole("heading", { name: el["profile.title"], level: 1 }).waitFor();
    await navLink(contact, el["portal.nav.requests"]).click();
    await contact.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();
    await contact.locator(`[data-testid="request-row"][data-reference="${reference}"]`).waitFor();
  });

  it("a newly invited colleague who accepts in a Greek browser has Greek from then on, emails included", async () => {
    const email = `nikos-${Date.now()}@example.com`;
    const before = Math.floor(Date.now() / 1000);
    const invited = await world.owner.post(`/clients/${world.ids.client}/contacts`, { email, name: "Νίκος Παπαδάκης", timeZone: "Europe/Athens" });
    expect(invited.status).toBe(201);
    const invitation = await waitForEmail(email, (e) => e.at >= before && Boolean(verifyLinkIn(e)));
    const nikos = await greekPerson();
    await nikos.goto(verifyLinkIn(invitation)!);
    await nikos.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();
    await navLink(nikos, el["nav.profile"]).click();
    await expect(nikos.getByLabel(el["field.language"]).inputValue()).resolves.toBe("el");
    // Saved on their account, so the team's emails to them are Greek too.
    const asked = Math.floor(Date.now() / 1000) + 1;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await nikos.context().request.post(`${platform.baseUrl}/api/auth/link`, { headers: { "x-baton-app": "portal" }, data: { email, app: "portal" } });
    const signInMail = await waitForEmail(email, (e) => e.at >= asked && Boolean(verifyLinkIn(e)));
    expect(signInMail.subject).toBe(fill(elEmail["signIn.subject"], { agency: agencyName }));
    await nikos.context().close();
  });
});
