import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formatDuration, formatElapsed } from "../../packages/kernel/src/duration.ts";

// One duration format everywhere (issue 22 item 7): an amount of time is written by the kernel's
// formatDuration ("1 h 30 min", units in the reader's language; the apps call it through
// @baton/ui/time's formatMinutes) and a running timer by formatElapsed (hh:mm:ss). This reads the
// apps, the shared UI, the server's printed invoice, and the emails and PDFs that speak of time
// (the weekly digest, the payout statement and its emails, the hour-bank alerts), and fails on any
// other way of turning minutes into hours for people to read, except the few below (inputs and
// machine-readable files). The email catalogs must not put an hour unit after a placeholder either:
// the placeholder carries its own units.

const root = join(import.meta.dirname, "..", "..");
const sources = [
  "web/src",
  "portal/src",
  "packages/ui/src",
  "packages/core/src/invoice/print.ts",
  "packages/core/src/invoice/pdf",
  "packages/core/src/digest",
  "packages/core/src/email",
  "packages/core/src/payout",
  "packages/core/src/hour-bank",
];

/** What a duration written by hand looks like. */
const patterns: Array<[string, RegExp]> = [
  ["minutes divided into hours", /\b\w*(minutes|Minutes|quantity|total|abs)\b\)?\s*\/\s*60\b/],
  ["hours and minutes split by hand", /Math\.floor\([^)]*\/\s*60\)/],
  ["seconds into an hh:mm:ss clock", /\/\s*3600\b/],
  ["the old hour/minute message keys", /t\(\s*"time\.(h|m|hm)"/],
];

/** Lines allowed to match, by file and an exact piece of the line, with the reason. */
const allowed: Array<{ file: string; line: string; reason: string }> = [
  { file: "web/src/pages/time/format.ts", line: "minutes >= 60 ? `${Math.floor(minutes / 60)}:", reason: "the Duration field's own value (1:30), which the field parses back" },
  { file: "web/src/components/RuleFields.tsx", line: "Math.round((minutes / 60) * 100) / 100", reason: "a number input's value in hours" },
  { file: "web/src/pages/clients/BillingFields.tsx", line: "String(b.retainer.includedMinutes / 60)", reason: "a number input's value in hours" },
  { file: "portal/src/pages/hours/ApproveForm.tsx", line: "format(minutes / 60)", reason: "a number input's value in hours (the client types hours)" },
  { file: "packages/core/src/payout/csv.ts", line: "(item.minutes / 60).toFixed(2)", reason: "a CSV column of decimal hours, for spreadsheets" },
  { file: "packages/core/src/hour-bank/overage.ts", line: "format(minutes / 60)", reason: "the overage consent text's hours: the client signs that text and its hash is kept, so it stays as it was" },
];

/** The email catalogs, and the one message that may keep a unit after its placeholder (the signed consent text). */
const catalogs = ["packages/core/src/email/messages.ts", "packages/core/src/email/messages-el.ts", "packages/core/src/email/messages-hi.ts"];
const signedText = "hourBank.consent.text";
/** A placeholder followed by an hour or minute unit, in en, el or hi ("{used} h", "{hours} ώρ.", "{over} घंटे"). */
const unitAfterPlaceholder = /\{\w+\}\s*(h\b|hours?\b|min\b|ώρ\.|ώρες|ωρών|λεπ\.|घंटे|घंटों|घं॰|मि॰)/;

function unitsInCatalogs(): string[] {
  const found: string[] = [];
  for (const file of catalogs) {
    for (const [index, text] of readFileSync(join(root, file), "utf8").split("\n").entries()) {
      const key = /^\s*"([^"]+)":/.exec(text)?.[1];
      if (!key || key === signedText) continue;
      if (unitAfterPlaceholder.test(text)) found.push(`${file}:${index + 1}: ${text.trim()}`);
    }
  }
  return found;
}

function filesUnder(path: string): string[] {
  const full = join(root, path);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, encoding: "utf8" })
    .map((name) => join(full, name))
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\/i18n\//.test(file));
}

function findings() {
  const found: Array<{ file: string; text: string; kind: string; where: string }> = [];
  for (const path of sources.flatMap(filesUnder)) {
    const file = relative(root, path);
    for (const [index, text] of readFileSync(path, "utf8").split("\n").entries()) {
      if (/^\s*(\/\/|\*|\/\*)/.test(text)) continue;
      for (const [kind, pattern] of patterns) if (pattern.test(text)) found.push({ file, text: text.trim(), kind, where: `${file}:${index + 1}` });
    }
  }
  return found;
}

const isAllowed = (hit: { file: string; text: string }) => allowed.some((entry) => entry.file === hit.file && hit.text.includes(entry.line));

describe("one duration format", () => {
  it("writes amounts of time one way, with the units in the reader's language", () => {
    expect(formatDuration(90)).toBe("1 h 30 min");
    expect(formatDuration(180)).toBe("3 h");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(-150)).toBe("−2 h 30 min");
    expect(formatDuration(89.6)).toBe("1 h 30 min");
    expect(formatDuration(125, "el")).toBe("2 ώρ. 5 λεπ.");
    expect(formatDuration(125, "hi")).toBe("2 घं॰ 5 मि॰");
    expect(formatDuration(60 * 1234, "en-GB")).toBe("1,234 h");
  });

  it("writes a running timer as hh:mm:ss", () => {
    expect(formatElapsed(35 * 60_000 + 4_000)).toBe("00:35:04");
    expect(formatElapsed(-5)).toBe("00:00:00");
    expect(formatElapsed(26 * 3_600_000)).toBe("26:00:00");
  });

  it("leaves no other duration formatting in the apps, the shared UI, the printed invoice, the emails or the payout PDF", () => {
    const hits = findings();
    const unexplained = hits.filter((hit) => !isAllowed(hit));
    expect(unexplained.map((hit) => `${hit.where}: ${hit.kind}: ${hit.text}`)).toEqual([]);
    // Every exception still matches a line: a fixed one leaves the list.
    for (const entry of allowed) expect(hits.some((hit) => hit.file === entry.file && hit.text.includes(entry.line)), `${entry.file}: ${entry.line}`).toBe(true);
  });

  it("has no email message write an hour unit after a placeholder (the duration brings its own), but the signed consent text", () => {
    expect(unitsInCatalogs()).toEqual([]);
    // The rule sees what it is meant to: the consent text it lets through does have one.
    const consent = readFileSync(join(root, "packages/core/src/email/messages-el.ts"), "utf8").split("\n").find((line) => line.includes(`"${signedText}"`));
    expect(consent && unitAfterPlaceholder.test(consent)).toBe(true);
  });
});
