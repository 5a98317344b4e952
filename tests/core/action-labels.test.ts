import { describe, expect, it } from "vitest";
import { el } from "../../packages/ui/src/i18n/el.ts";
import { en, type Plural } from "../../packages/ui/src/i18n/en.ts";
import { hi } from "../../packages/ui/src/i18n/hi.ts";
import { exclusive, findActionGroups, type ActionGroup } from "../support/dialog-actions.ts";

// No dialog or form may show two actions that read the same: the void-invoice dialog once offered
// "Ακύρωση" next to "Ακύρωση", one of them destroying an invoice. The dialogs and forms, and the
// actions each shows, are found in the apps' source, so new ones are covered as they are written.

const catalogs: Record<string, Record<string, string | Plural>> = { en, el, hi };
const groups = findActionGroups();

const label = (locale: string, key: string): string | undefined => {
  const entry = catalogs[locale]![key];
  return entry === undefined ? undefined : typeof entry === "string" ? entry : entry.other;
};

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

function clashes(group: ActionGroup, locale: string): string[] {
  const found = new Set<string>();
  group.actions.forEach((a, index) => {
    for (const b of group.actions.slice(index + 1)) {
      if (a.key === b.key || exclusive(a, b)) continue;
      const [first, second] = [label(locale, a.key), label(locale, b.key)];
      if (first && second && same(first, second)) found.add(`${group.where} <${group.kind}>: ${a.key} and ${b.key} both read "${first}"`);
    }
  });
  return [...found];
}

const groupAt = (file: string, kind: string, hasKey: string) =>
  groups.find((group) => group.where.startsWith(file) && group.kind === kind && group.actions.some((action) => action.key === hasKey));

describe("the dialogs and forms found in the source", () => {
  it("include every kind, with the actions their components add", () => {
    const voidDialog = groupAt("web/src/pages/invoices/detail/Dialogs.tsx", "Dialog", "invoice.void");
    expect(voidDialog?.actions.map((action) => action.key)).toEqual(expect.arrayContaining(["invoice.void", "common.cancel", "common.close"]));
    // A ConfirmDialog's confirm label is a prop: it is bound to the t() call passed in.
    const revoke = groupAt("web/src/pages/settings/ApiKeys.tsx", "ConfirmDialog", "apiKeys.revoke");
    expect(revoke?.actions.map((action) => action.key)).toEqual(expect.arrayContaining(["apiKeys.revoke", "common.cancel"]));
    // A form component rendered inside a dialog brings its own buttons.
    expect(groupAt("web/src/pages/packages/index.tsx", "Dialog", "packages.save")).toBeDefined();
    expect(groups.filter((group) => group.where.startsWith("portal/")).length).toBeGreaterThan(3);
  });

  it("tell apart actions shown in different branches of a condition", () => {
    const apiKeyDialog = groupAt("web/src/pages/settings/CreateKeyDialog.tsx", "Dialog", "apiKeys.copy");
    const copy = apiKeyDialog?.actions.find((action) => action.key === "apiKeys.copy");
    const copied = apiKeyDialog?.actions.find((action) => action.key === "apiKeys.copied");
    expect(copy && copied && exclusive(copy, copied)).toBe(true);
  });
});

describe.each(Object.keys(catalogs))("in %s", (locale) => {
  it("no dialog or form shows two actions with the same label", () => {
    expect(groups.flatMap((group) => clashes(group, locale))).toEqual([]);
  });
});
