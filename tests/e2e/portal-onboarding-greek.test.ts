import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { el } from "../../packages/ui/src/i18n/el.ts";
import type { MessageKey } from "../../packages/ui/src/i18n/en.ts";
import { axeViolations } from "../support/axe.ts";
import { launchChromium, startPlatform } from "../support/browser.ts";
import { mailCount, newVerifyLinkFor, type Started } from "../support/http.ts";
import { leadWithContact, saveKit, startOnboarding } from "../support/onboarding.ts";
import { createWorld, type World } from "../support/world.ts";

// A new client's onboarding in the portal, in a real Chromium whose language is Greek: the owner
// sets up the kit and starts the onboarding over HTTP; the client's contact signs in, finds the
// checklist from the home page's banner, is stopped on the questionnaire's required questions
// with Greek messages, saves a draft, submits, accepts the agreement by typing their name, reads
// the welcome packet and ends on the completion state. The agreement's headings are Greek (the
// contact's language), and the API then has the client active and the acceptance with the typed
// name and the SHA-256 of the exact Greek text accepted.

let platform: Started;
let browser: Browser;
let world: World;
let lead: Awaited<ReturnType<typeof leadWithContact>>;
let page: Page;

const agencyName = "Γραφείο Αθηνών";
const fullName = "Ελένη Παπαδοπούλου";

// The owner's own words, in Greek: the kit is content, not interface.
const kit = {
  questions: [
    { kind: "text", label: "Επωνυμία εταιρείας", help: "Όπως στα τιμολόγιά σας.", required: true },
    { kind: "long_text", label: "Τι πρέπει να ξέρουμε για την επιχείρησή σας;", help: null, required: false },
    { kind: "choice", label: "Προτιμώμενος τρόπος επικοινωνίας", help: null, required: true, options: ["Email", "Τηλέφωνο", "Συνομιλία"] },
    { kind: "multi_choice", label: "Υπηρεσίες που θέλετε", help: null, required: false, options: ["Εισερχόμενα", "Ημερολόγιο", "Λογιστική"] },
    { kind: "date", label: "Ημερομηνία έναρξης", help: null, required: true },
    { kind: "url", label: "Ιστότοπος", help: null, required: false },
  ],
  agreement: {
    scope: "Διοικητική υποστήριξη για τα εισερχόμενα και το ημερολόγιο.",
    deliverables: "Εβδομαδιαία σύνοψη κάθε Παρασκευή.",
    paymentTerms: "Μηνιαία προκαταβολικά, εντός 15 ημερών.",
    confidentiality: "Ό,τι βλέπουμε μένει μεταξύ μας.",
  },
  welcomePacket: "# Καλώς ήρθατε\n\nΕδώ είναι **πώς δουλεύουμε** μαζί.",
};

beforeAll(async () => {
  platform = await startPlatform();
  browser = await launchChromium();
  world = await createWorld(platform, agencyName);
  await saveKit(world.owner, kit);
  lead = await leadWithContact(platform, world.owner, "Ελαιώνας ΑΕ");
  // The name typed to sign must be the contact's own: she is Ελένη Παπαδοπούλου on her profile.
  const saved = await lead.contact.patch("/me", { name: fullName, locale: "el", timeZone: "Europe/Athens" });
  expect(saved.status).toBe(200);
  await startOnboarding(world.owner, lead.clientId);
});

afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

const gr = (key: MessageKey, params: Record<string, string | number> = {}) =>
  (el[key] as string).replace(/\{(\w+)\}/g, (match, name: string) => (params[name] === undefined ? match : String(params[name])));
const portalUrl = () => `${platform.baseUrl}/portal`;
const navLink = (name: string) => page.getByRole("navigation").getByRole("link", { name, exact: true });
const toast = (text: string) => page.getByTestId("toast").filter({ hasText: text }).first().waitFor();
const progress = () => page.getByTestId("onboarding-progress").innerText();
/** The page at desktop and phone widths, kept under /tmp/shots/daily/. */
async function shoot(name: string) {
  mkdirSync("/tmp/shots/daily", { recursive: true });
  for (const width of [1440, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.getByTestId("agreement-text").first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/shots/daily/portal-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
const checklistItem = (step: string) => page.locator(`[data-testid="checklist-item"][data-step="${step}"]`);

describe("client onboarding in the portal, in Greek", () => {
  it("the contact signs in through the Greek form and the home page points to the checklist", async () => {
    const context = await browser.newContext({ locale: "el-GR", timezoneId: "Europe/Athens", extraHTTPHeaders: { "Accept-Language": "el-GR,el;q=0.9" } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const seen = await mailCount(lead.email);
    await page.goto(`${portalUrl()}/sign-in`);
    await page.getByLabel(el["field.email"]).fill(lead.email);
    await page.getByRole("button", { name: el["signIn.submit"] }).click();
    await page.getByRole("heading", { name: el["signIn.checkTitle"], level: 1 }).waitFor();
    // Not by time: the invitation this contact redeemed may be of the same second.
    await page.goto(await newVerifyLinkFor(lead.email, seen));
    await page.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();

    const banner = page.getByTestId("onboarding-banner");
    await banner.getByText(el["onboarding.portal.banner"]).waitFor();
    await navLink(el["nav.onboarding"]).waitFor();
    await banner.getByRole("link", { name: el["onboarding.portal.bannerAction"] }).click();
    await page.waitForURL(/\/portal\/onboarding$/);
    await page.getByRole("heading", { name: el["onboarding.portal.title"], level: 1 }).waitFor();
    await page.getByText(gr("onboarding.portal.intro", { agency: agencyName })).waitFor();
    await expect(progress()).resolves.toBe(gr("onboarding.progress", { done: 0, total: 3 }));
    for (const step of ["questionnaire", "agreement", "packet"] as const) {
      await expect(checklistItem(step).innerText()).resolves.toContain(el[`onboarding.step.${step}`]);
      await expect(checklistItem(step).getAttribute("data-done")).resolves.toBe("false");
    }
    await expect(navLink(el["nav.onboarding"]).getAttribute("aria-current")).resolves.toBe("page");
  });

  it("submitting with required questions blank is stopped with Greek messages beside them", async () => {
    const form = page.getByTestId("questionnaire-form");
    await form.getByRole("button", { name: el["onboarding.portal.submitAnswers"] }).waitFor();
    await form.getByRole("button", { name: el["onboarding.portal.saveDraft"] }).waitFor();
    await form.getByLabel("Επωνυμία εταιρείας").fill("Ελαιώνας Ανώνυμη Εταιρεία");
    await form.getByRole("button", { name: el["onboarding.portal.submitAnswers"] }).click();

    await form.getByText(el["error.validation_failed"]).waitFor();
    const errors = form.locator(".field-error");
    await expect(errors.allInnerTexts()).resolves.toEqual([el["onboarding.portal.requiredAnswer"], el["onboarding.portal.requiredAnswer"]]);
    // Beside the two required questions left blank: the choice and the date.
    const channel = form.getByRole("radiogroup", { name: /Προτιμώμενος τρόπος επικοινωνίας/ });
    await channel.getByText(el["onboarding.portal.requiredAnswer"]).waitFor();
    const date = form.getByLabel(/Ημερομηνία έναρξης/);
    await expect(date.getAttribute("aria-invalid")).resolves.toBe("true");
    // Nothing was sent: the questionnaire is not done and nothing is stored.
    const mine = await lead.contact.get("/onboarding/mine");
    expect(mine.body.steps.questionnaire.done).toBe(false);
    expect(mine.body.answers).toEqual({});
    await expect(axeViolations(page)).resolves.toEqual([]);
  });

  it("saves a draft, then submits every kind of answer", async () => {
    const form = page.getByTestId("questionnaire-form");
    await form.getByLabel("Τι πρέπει να ξέρουμε για την επιχείρησή σας;").fill("Εξάγουμε ελαιόλαδο σε δώδεκα χώρες.");
    await form.getByRole("button", { name: el["onboarding.portal.saveDraft"] }).click();
    await toast(el["onboarding.portal.draftSaved"]);
    const draft = await lead.contact.get("/onboarding/mine");
    expect(draft.body.steps.questionnaire.done).toBe(false);
    const byLabel = Object.fromEntries(draft.body.questions.map((q: { id: string; label: string }) => [q.label, q.id]));
    expect(draft.body.answers).toEqual({
      [byLabel["Επωνυμία εταιρείας"]]: "Ελαιώνας Ανώνυμη Εταιρεία",
      [byLabel["Τι πρέπει να ξέρουμε για την επιχείρησή σας;"]]: "Εξάγουμε ελαιόλαδο σε δώδεκα χώρες.",
    });

    await form.getByRole("radio", { name: "Τηλέφωνο" }).check();
    await form.getByRole("checkbox", { name: "Λογιστική" }).check();
    await form.getByRole("checkbox", { name: "Εισερχόμενα" }).check();
    await form.getByLabel(/Ημερομηνία έναρξης/).fill("2027-01-15");
    await form.getByLabel(/Ιστότοπος/).fill("https://elaionas.example.gr");
    await form.getByRole("button", { name: el["onboarding.portal.submitAnswers"] }).click();
    await toast(el["onboarding.portal.answersSubmitted"]);
    await page.getByTestId("step-questionnaire").getByText(el["onboarding.portal.questionnaireDone"]).waitFor();
    // What was submitted stays readable, the date written the Greek way.
    const shown = await page.getByTestId("submitted-answers").innerText();
    expect(shown).toContain("Εισερχόμενα, Λογιστική");
    expect(shown).toContain(new Intl.DateTimeFormat("el-GR", { dateStyle: "medium", timeZone: "UTC" }).format(new Date("2027-01-15T12:00:00Z")));
    await expect(checklistItem("questionnaire").getAttribute("data-done")).resolves.toBe("true");
    await expect(checklistItem("questionnaire").innerText()).resolves.toContain(fullName);
    await expect(progress()).resolves.toBe(gr("onboarding.progress", { done: 1, total: 3 }));

    const submitted = await lead.contact.get("/onboarding/mine");
    expect(submitted.body.steps.questionnaire.done).toBe(true);
    expect(submitted.body.answers).toMatchObject({
      [byLabel["Προτιμώμενος τρόπος επικοινωνίας"]]: "Τηλέφωνο",
      // In the options' order, whatever the order they were ticked in.
      [byLabel["Υπηρεσίες που θέλετε"]]: ["Εισερχόμενα", "Λογιστική"],
      [byLabel["Ημερομηνία έναρξης"]]: "2027-01-15",
      [byLabel["Ιστότοπος"]]: "https://elaionas.example.gr",
    });
  });

  it("shows the agreement rendered and accepts it by the typed full name", async () => {
    const step = page.getByTestId("step-agreement");
    await step.getByRole("heading", { name: gr("onboarding.portal.stepHeading", { number: 2, step: el["onboarding.step.agreement"] }) }).waitFor();
    const text = step.getByTestId("agreement-text");
    // Markdown rendered: the sections are headings, not "##" lines, and the headings are Greek.
    await text.getByRole("heading", { name: `Συμφωνία μεταξύ του γραφείου ${agencyName} και του πελάτη Ελαιώνας ΑΕ`, exact: true, level: 1 }).waitFor();
    for (const heading of ["Αντικείμενο", "Παραδοτέα", "Όροι πληρωμής", "Εμπιστευτικότητα"]) {
      await text.getByRole("heading", { name: heading, exact: true, level: 2 }).waitFor();
    }
    await expect(text.getByRole("heading", { name: "Scope" }).count()).resolves.toBe(0);
    await text.getByText(kit.agreement.scope).waitFor();
    await text.getByText(kit.agreement.confidentiality).waitFor();
    expect(await text.innerText()).not.toContain("##");
    await step.getByText(el["onboarding.portal.evidenceNote"]).waitFor();

    const name = step.getByLabel(el["onboarding.portal.fullName"]);
    /** The confirmation says what signing means, naming her as typed, and signs. */
    const sign = async (typed: string) => {
      const dialog = page.getByRole("dialog", { name: el["onboarding.portal.confirmTitle"] });
      await expect(dialog.innerText()).resolves.toContain(`ως ${typed}`);
      await dialog.getByRole("button", { name: el["onboarding.portal.confirmSign"] }).click();
    };
    // Never filled in for them: one click must not sign.
    await expect(name.inputValue()).resolves.toBe("");
    // A name that isn't hers is refused, in Greek, beside the field.
    await name.fill("Κάποιος Άλλος");
    await step.getByRole("button", { name: el["onboarding.portal.accept"] }).click();
    await sign("Κάποιος Άλλος");
    await step.getByText(`Πληκτρολογήστε το ονοματεπώνυμό σας όπως είναι στο προφίλ σας: ${fullName}.`).first().waitFor();
    await expect(checklistItem("agreement").getAttribute("data-done")).resolves.toBe("false");
    await shoot("agreement-mismatch");
    // Her own name (the spaces around it do not count).
    await name.fill(`  ${fullName}  `);
    await step.getByRole("button", { name: el["onboarding.portal.accept"] }).click();
    // Going back from the confirmation signs nothing; signing from it does.
    await page.getByRole("dialog").getByRole("button", { name: el["common.cancel"] }).click();
    await page.getByRole("dialog").waitFor({ state: "hidden" });
    await expect(checklistItem("agreement").getAttribute("data-done")).resolves.toBe("false");
    await step.getByRole("button", { name: el["onboarding.portal.accept"] }).click();
    await shoot("agreement-confirm");
    await sign(fullName);
    await toast(el["onboarding.portal.accepted"]);
    await expect(step.getByTestId("agreement-accepted").innerText()).resolves.toContain(fullName);
    // The signed copy to keep: a PDF the portal's session downloads.
    const link = step.getByTestId("agreement-pdf");
    await expect(link.innerText()).resolves.toContain(el["onboarding.signedCopy"]);
    const pdf = await page.request.get(new URL((await link.getAttribute("href"))!, page.url()).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await shoot("agreement-signed");
    await expect(checklistItem("agreement").getAttribute("data-done")).resolves.toBe("true");
    await expect(progress()).resolves.toBe(gr("onboarding.progress", { done: 2, total: 3 }));
  });

  it("reads the welcome packet and ends on the completion state; the nav entry goes", async () => {
    const step = page.getByTestId("step-packet");
    await step.getByTestId("welcome-packet").getByRole("heading", { name: "Καλώς ήρθατε" }).waitFor();
    await expect(step.getByTestId("welcome-packet").locator("strong").innerText()).resolves.toBe("πώς δουλεύουμε");
    await step.getByRole("button", { name: el["onboarding.portal.haveRead"] }).click();
    await toast(el["onboarding.portal.packetRead"]);

    const complete = page.getByTestId("onboarding-complete");
    await complete.getByRole("heading", { name: el["onboarding.portal.completeTitle"] }).waitFor();
    await expect(complete.innerText()).resolves.toContain(agencyName);
    await expect(progress()).resolves.toBe(gr("onboarding.progress", { done: 3, total: 3 }));
    await expect(page.getByRole("button", { name: el["onboarding.portal.haveRead"] }).count()).resolves.toBe(0);
    await expect(axeViolations(page)).resolves.toEqual([]);
    await navLink(el["nav.onboarding"]).waitFor({ state: "detached" });

    await navLink(el["portal.nav.requests"]).click();
    await page.getByRole("heading", { name: el["portal.requests.title"], level: 1 }).waitFor();
    await expect(page.getByTestId("onboarding-banner").count()).resolves.toBe(0);
  });

  it("over HTTP: the client is active and the acceptance holds the typed name and the text's SHA-256", async () => {
    const client = await world.owner.get(`/clients/${lead.clientId}`);
    expect(client.body.status).toBe("active");

    const onboarding = await world.owner.get(`/onboarding/clients/${lead.clientId}`);
    expect(onboarding.status).toBe(200);
    const { agreementText, steps, completedAt } = onboarding.body;
    expect(completedAt).toEqual(expect.any(String));
    const digest = createHash("sha256").update(agreementText, "utf8").digest("hex");
    expect(steps.agreement).toMatchObject({ done: true, fullName, sha256: digest, by: fullName });
    expect(steps.agreement.ip).toEqual(expect.any(String));
    expect(agreementText).toContain(kit.agreement.paymentTerms);
    // The owner reads English, but sees the Greek text the contact accepted, byte for byte.
    expect(agreementText).toContain(`## Όροι πληρωμής\n\n${kit.agreement.paymentTerms}`);
    expect(onboarding.body.agreementLocale).toBe("el");
    expect(steps.packet.done).toBe(true);
  });
});
