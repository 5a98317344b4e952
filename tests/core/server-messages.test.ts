import { beforeAll, describe, expect, it } from "vitest";
import { I18n, type ServerMessages } from "../../packages/core/src/i18n/index.ts";
import { el } from "../../packages/core/src/i18n/errors-el.ts";
import { hi } from "../../packages/core/src/i18n/errors-hi.ts";
import { findServerMessages } from "../support/server-messages.ts";

// The catalogs load on first use (the API's error boundary awaits them): these tests translate directly.
beforeAll(() => I18n.loadMessages());

// Every message the API can show a person has a Greek and a Hindi translation. The messages are
// found in the server's source (tests/support/server-messages.ts), so a new VisibleError, field
// message or zod message fails here until errors-el.ts and errors-hi.ts have it: add it there,
// keyed by the English exactly as written, with {names} where the source has ${…}.

const found = findServerMessages();
const catalogs: Record<"el" | "hi", ServerMessages> = { el, hi };

/** "{name} already has this task." and "${assignee.name} already has this task." both read "{} already has this task.". */
const shape = (text: string) => text.replace(/\{\w+\}/g, "{}");
const placeholders = (text: string) => [...(text.match(/\{\w+\}/g) ?? [])].sort();

describe("the messages found in the server's source", () => {
  it("include thrown errors, field messages, zod messages, helpers' expansions and checkers' reasons", () => {
    const shapes = new Set(found.map((message) => message.shape));
    expect(found.length).toBeGreaterThan(300);
    for (const expected of [
      "Some fields need attention.", // VisibleError message
      "Choose the client.", // idOf(kind, message): a helper forwarding its message to zod
      "Task was not found.", // notFound("Task")
      "Invoice was changed by someone else. Review the latest version and try again.", // staleWrite → template
      "{} already has this task.", // a run-time part
      "Finish the checklist first: {} step left.", // both branches of a conditional
      "Finish the checklist first: {} steps left.",
      "Choose only from the options given.", // a checker's return value, found by the sweep
      "There is no such API route.", // the boundary's own
      "Keep the scope under {} characters.", // a schema helper called with a label
    ])
      expect(shapes, expected).toContain(expected);
  });

  it("leave out what people never see: logs and internal errors", () => {
    const shapes = found.map((message) => message.shape);
    expect(shapes.filter((text) => /^api: |got \{\}|Invalid date\./.test(text))).toEqual([]);
  });
});

describe.each(Object.entries(catalogs))("the %s API message catalog", (locale, catalog) => {
  const keys = new Map(Object.keys(catalog.messages).map((key) => [shape(key), key]));

  it("translates every message found in the source", () => {
    const missing = found.filter((message) => !keys.has(message.shape)).map((message) => `${message.shape}  (${message.where})`);
    expect(missing).toEqual([]);
  });

  it("has no entry the source no longer sends", () => {
    const shapes = new Set(found.map((message) => message.shape));
    expect([...keys.keys()].filter((key) => !shapes.has(key))).toEqual([]);
  });

  it("keeps each message's placeholders", () => {
    const problems = Object.entries(catalog.messages)
      .filter(([english, translated]) => placeholders(english).join() !== placeholders(translated).join())
      .map(([english, translated]) => `${english} → ${translated}`);
    expect(problems).toEqual([]);
  });

  it("lists run-time values only for placeholders its messages have", () => {
    const used = new Set(Object.keys(catalog.messages).flatMap((english) => placeholders(english).map((name) => name.slice(1, -1))));
    expect(Object.keys(catalog.values ?? {}).filter((name) => !used.has(name))).toEqual([]);
  });

  it("is what translateMessage uses", () => {
    for (const [english, translated] of Object.entries(catalog.messages)) {
      if (!placeholders(english).length) expect(I18n.translateMessage(locale as "el" | "hi", english)).toBe(translated);
    }
  });
});

describe("translateMessage", () => {
  it("fills a template's run-time parts into the translation", () => {
    expect(I18n.translateMessage("el", "Maria Lopez already has this task.")).toBe("Η εργασία έχει ήδη ανατεθεί στο μέλος Maria Lopez.");
    expect(I18n.translateMessage("hi", "Finish the checklist first: 3 steps left.")).toBe("पहले चेकलिस्ट पूरी करें: 3 चरण बाकी हैं।");
  });

  it("translates run-time parts that are words, and writes numbers the reader's way", () => {
    expect(I18n.translateMessage("el", "This task is in qa, so it can't be approved now.")).toBe(
      "Η εργασία βρίσκεται στην κατάσταση «Σε έλεγχο ποιότητας», οπότε δεν μπορεί να εγκριθεί τώρα.",
    );
    expect(I18n.translateMessage("hi", "This request is in progress, so it can't be accepted now.")).toBe(
      "यह अनुरोध अभी “प्रगति पर” स्थिति में है, इसलिए इसे अभी स्वीकार नहीं किया जा सकता।",
    );
    expect(I18n.translateMessage("el", "Keep the answer under 10,000 characters.")).toBe("Η απάντηση πρέπει να έχει λιγότερους από 10.000 χαρακτήρες.");
  });

  it("translates a run-time part that is a template of its own, or that is empty", () => {
    expect(I18n.translateMessage("el", "Files of type .exe aren't accepted here. Allowed: pdf, png.")).toBe(
      "Εδώ δεν γίνονται δεκτά αρχεία τύπου .exe. Επιτρέπονται: pdf, png.",
    );
    expect(I18n.translateMessage("hi", "Files without an extension aren't accepted here. Allowed: pdf.")).toBe(
      "यहाँ बिना एक्सटेंशन वाली फ़ाइलें स्वीकार नहीं की जातीं। अनुमति है: pdf।",
    );
    expect(I18n.translateMessage("el", "This API key has no write scope.")).toBe("Αυτό το κλειδί API δεν έχει πρόσβαση εγγραφής.");
    expect(I18n.translateMessage("hi", "This API key has no write scope (it has: read).")).toBe("इस API कुंजी के पास लिखने की पहुँच नहीं है (इसके पास है: read)।");
  });

  it("translates a message a helper extended as a whole, and writes sizes but not years the reader's way", () => {
    expect(I18n.translateMessage("el", "Enter a name. (between 1970 and 2199)")).toBe("Εισαγάγετε όνομα. (μεταξύ 1970 και 2199)");
    expect(I18n.translateMessage("el", "Files can be at most 12.5 MB; this one is 20 MB.")).toBe("Τα αρχεία μπορούν να είναι έως 12,5 MB· αυτό είναι 20 MB.");
  });

  it("prefers the most specific template and leaves English it has no translation for", () => {
    expect(I18n.translateMessage("el", "Keep the scope under 20,000 characters.")).toBe("Το αντικείμενο πρέπει να έχει λιγότερους από 20.000 χαρακτήρες.");
    expect(I18n.translateMessage("hi", "A message nobody wrote yet.")).toBe("A message nobody wrote yet.");
    expect(I18n.translateMessage("en", "Task was not found.")).toBe("Task was not found.");
  });
});

describe("negotiate", () => {
  it("picks the reader's first language we have, by weight", () => {
    expect(I18n.negotiate("el-GR,el;q=0.9,en;q=0.8")).toBe("el");
    expect(I18n.negotiate("fr-FR,fr;q=0.9,hi;q=0.8,en;q=0.5")).toBe("hi");
    expect(I18n.negotiate("en;q=0.5,hi;q=0.9")).toBe("hi");
    expect(I18n.negotiate("de, fr")).toBe("en");
    expect(I18n.negotiate(undefined)).toBe("en");
  });
});
