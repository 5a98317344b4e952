import { beforeAll, describe, expect, it } from "vitest";
import { loadTexts } from "../../packages/core/src/i18n/index.ts";
import { weeklyDigest, type DigestEmailInput } from "../../packages/core/src/email/templates/digest.ts";

// The weekly digest writes the retainer's time in the one duration format (issue 22 item 7), in
// the reader's language: "7 h 30 min", not decimal hours, in the text and the HTML alike.

const input = (locale: DigestEmailInput["locale"], usedMinutes: number, includedMinutes: number): DigestEmailInput => ({
  locale,
  timeZone: "Europe/Athens",
  name: "Ada",
  agency: "Acme",
  weekStart: "2026-11-16",
  done: [],
  inProgress: [],
  awaiting: [],
  retainer: { usedMinutes, includedMinutes },
  portalUrl: "https://portal.example.test",
});

describe("the weekly digest's retainer time", () => {
  beforeAll(() => loadTexts());

  it("writes the time used, included and beyond in the one duration format", () => {
    const under = weeklyDigest(input("en", 450, 600));
    expect(under.text).toContain("7 h 30 min used of the 10 h your retainer includes this month.");
    expect(under.html).toContain("7 h 30 min used of the 10 h your retainer includes this month.");
    expect(under.text).not.toContain("beyond the included hours");
    const over = weeklyDigest(input("en", 645, 600));
    expect(over.text).toContain("10 h 45 min used of the 10 h your retainer includes this month.\nThat is 45 min beyond the included hours.");
  });

  it("writes the units in the reader's language", () => {
    const greek = weeklyDigest(input("el", 645, 600)).text;
    expect(greek).toContain("Χρησιμοποιήθηκαν 10 ώρ. 45 λεπ. από 10 ώρ.");
    expect(greek).toContain("Δηλαδή 45 λεπ. πέρα από");
    const hindi = weeklyDigest(input("hi", 645, 600)).text;
    expect(hindi).toContain("शामिल 10 घं॰ में से 10 घं॰ 45 मि॰ उपयोग हुए।");
    expect(hindi).toContain("यह शामिल घंटों से 45 मि॰ अधिक है।");
  });
});
