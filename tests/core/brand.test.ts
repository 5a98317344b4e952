import { beforeAll, describe, expect, it } from "vitest";
import { accessibleColor, contrast } from "../../packages/core/src/agency/brand/contrast.ts";
import { Email, type EmailBrand } from "../../packages/core/src/email/index.ts";
import { sender } from "../../packages/core/src/email/send.ts";
import { weeklyDigest } from "../../packages/core/src/email/templates/digest.ts";
import { en as emailEn } from "../../packages/core/src/email/messages.ts";
import { I18n } from "../../packages/core/src/i18n/index.ts";
import { el as emailEl } from "../../packages/core/src/email/messages-el.ts";
import { hi as emailHi } from "../../packages/core/src/email/messages-hi.ts";

// The agency's brand in the domain: WCAG contrast, the colour darkened until white text reads,
// the From header, and every email template in every language carrying the brand and never the
// product's name (the portal's built output is scanned in tests/e2e/no-product-name.test.ts).

describe("contrast", () => {
  it("is WCAG's ratio: 21:1 for black on white, 1:1 for a colour on itself", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#1d4ed8", "#1d4ed8")).toBe(1);
    // A known pair: #767676 on white is the lightest grey that passes 4.5:1.
    expect(contrast("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    expect(contrast("#777777", "#ffffff")).toBeLessThan(4.5);
  });

  it("keeps a colour white text reads on, and says so", () => {
    expect(accessibleColor("#1D4ED8")).toMatchObject({ chosen: "#1d4ed8", used: "#1d4ed8", adjusted: false });
    expect(accessibleColor("#abc").chosen).toBe("#aabbcc");
  });

  it.each(["#ffcc00", "#ffffff", "#7dd3fc", "#22c55e", "#777777"])("darkens %s, keeping its hue, until white text reads at 4.5:1", (chosen) => {
    const check = accessibleColor(chosen);
    expect(check.adjusted).toBe(true);
    expect(check.chosenAgainstWhite).toBeLessThan(4.5);
    expect(check.againstWhite).toBeGreaterThanOrEqual(4.5);
    expect(contrast(check.used, "#ffffff")).toBeGreaterThanOrEqual(4.5);
    // Darkened, not replaced: no channel got lighter, and the strongest channel is the same one.
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [before, after] = [channels(check.chosen), channels(check.used)];
    after.forEach((value, i) => expect(value).toBeLessThanOrEqual(before[i]!));
    if (new Set(before).size > 1) expect(after.indexOf(Math.max(...after))).toBe(before.indexOf(Math.max(...before)));
  });
});

describe("the From header", () => {
  it("names the agency before the installation's own address, quoted", () => {
    process.env.BATON_EMAIL_FROM = "Baton <no-reply@mail.example>";
    expect(sender("Lumen Assist")).toBe('"Lumen Assist" <no-reply@mail.example>');
    expect(sender('Say "Hi" \\ Co')).toBe('"Say \\"Hi\\" \\\\ Co" <no-reply@mail.example>');
  });

  it("encodes a name that is not ASCII (RFC 2047) and can't break onto a new header line", () => {
    process.env.BATON_EMAIL_FROM = "no-reply@mail.example";
    expect(sender("Γραφείο")).toBe(`=?UTF-8?B?${Buffer.from("Γραφείο").toString("base64")}?= <no-reply@mail.example>`);
    expect(sender("Evil\r\nBcc: x@y.example")).toBe('"Evil Bcc: x@y.example" <no-reply@mail.example>');
  });

  it("is the bare address when there is no agency to name, never the product's name", () => {
    process.env.BATON_EMAIL_FROM = "Baton <no-reply@mail.example>";
    expect(sender(undefined)).toBe("no-reply@mail.example");
    delete process.env.BATON_EMAIL_FROM;
  });
});

const brand: EmailBrand = {
  name: "Lumen Assist",
  senderName: "Lumen Desk",
  replyTo: "desk@lumen.example",
  color: "#8b7320",
  logoUrl: "https://portal.lumen.example/api/brand/public/logo?agency=agy_x&v=fil_y",
  footer: "Lumen Assist Ltd\n12 Quay Street",
};
const notices = [
  "requestSubmitted",
  "requestReceived",
  "requestDeclined",
  "taskAssigned",
  "taskReturned",
  "readyForApproval",
  "approved",
  "revisionRequested",
  "invoiceSent",
  "invoiceReminder",
  "paymentReceived",
  "paymentReceipt",
  "refundReceipt",
  "creditReceived",
  "clientOnboarded",
  "requestAccepted",
  "readyForQa",
] as const;

/** Every email the platform sends, rendered for one agency in one language. */
// Greek and Hindi email strings load on first use, as the API, worker and jobs load them.
beforeAll(() => I18n.loadTexts());

function everyEmail(locale: "en" | "el" | "hi") {
  const params = { agency: brand.name, name: "Ada", client: "Acme", reference: "ACME-1", title: "Newsletter", due: "1 May", amount: "$10.00", balance: "$0.00", number: "INV-1", reason: "No", notes: "Fix", comment: "More" };
  return [
    Email.signInLink({ locale, links: [{ agency: brand.name, url: "https://p/x", brand }] }),
    Email.invitation({ locale, kind: "member", agency: brand.name, name: "Sam", url: "https://w/x", brand }),
    Email.invitation({ locale, kind: "contact", agency: brand.name, name: "Ada", url: "https://p/x", brand }),
    ...notices.map((kind) => Email.notice({ locale, kind, params, url: "https://p/x", brand })),
    Email.survey({ locale, kind: "csat", params, links: [{ score: 1, url: "https://p/s" }], days: 14, quiet: 14, brand }),
    Email.survey({ locale, kind: "nps", params, links: [{ score: 0, url: "https://p/s" }], days: 14, quiet: 0, brand }),
    Email.newMessages({ locale, agency: brand.name, items: [{ reference: "ACME-1", title: "T", count: 2, internal: false, name: "Sam", excerpt: "Hi", url: "https://p/x" }], brand }),
    weeklyDigest({ locale, timeZone: "UTC", name: "Ada", agency: brand.name, weekStart: "2026-11-30", done: [], inProgress: [], awaiting: [], retainer: null, portalUrl: "https://p/", brand }),
  ];
}

describe.each(["en", "el", "hi"] as const)("every email in %s", (locale) => {
  it("carries the agency's sender, reply-to, logo, colour and footer", () => {
    for (const email of everyEmail(locale)) {
      expect(email.fromName).toBe("Lumen Desk");
      expect(email.replyTo).toBe("desk@lumen.example");
      expect(email.html).toContain(`<img src="${brand.logoUrl!.replaceAll("&", "&amp;")}" alt="Lumen Assist"`);
      expect(email.html).toMatch(/(background|color):#8b7320/);
      expect(email.html).not.toContain("#1f4ed8");
      expect(email.text).toContain("Lumen Assist Ltd\n12 Quay Street");
      expect(email.html).toContain(`lang="${locale}"`);
    }
  });

  it("never names the product", () => {
    for (const email of everyEmail(locale)) for (const part of [email.subject, email.html, email.text]) expect(part).not.toMatch(/Baton/i);
  });
});

describe("the email catalogs", () => {
  it.each([
    ["en", emailEn],
    ["el", emailEl],
    ["hi", emailHi],
  ] as const)("hold no product name in %s", (_, catalog) => {
    expect(Object.entries(catalog).filter(([, text]) => /Baton/i.test(text))).toEqual([]);
  });

  it("sign a several-agency sign-in email with no agency's brand and no product name", () => {
    const email = Email.signInLink({ locale: "en", links: [{ agency: "A", url: "https://a/x", brand }, { agency: "B", url: "https://b/y", brand: { ...brand, name: "B" } }] });
    expect(email.subject).toBe("Your sign-in links");
    expect(email.fromName).toBeUndefined();
    expect(email.html).not.toMatch(/Baton|<img/);
  });
});
