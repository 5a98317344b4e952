import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, sourceFiles } from "../support/imports.ts";
import { tableUses, tableUsesIn } from "../support/table-uses.ts";

// Each area owns its entities: only packages/core/src/<area>/ reads or writes them. Another area
// calls the owner's functions, and a transaction spanning areas takes its items from each owner's
// item builders (`Timesheet.lockItems(entities, …)`), so a rule about an item lives in one folder.

const CORE = join(ROOT, "packages/core/src");

/** Each entity of the table (`entities` in packages/core/src/db/index.ts) and the folder that owns it, read from its import. */
function owners(): Map<string, string> {
  const db = readFileSync(join(CORE, "db/index.ts"), "utf8");
  const folderOf = new Map<string, string>();
  for (const [, names, folder] of db.matchAll(/import \{([^}]+)\} from "\.\.\/([\w-]+)\/[\w-]+\.ts"/g)) {
    for (const name of names!.split(",")) folderOf.set(name.trim(), folder!);
  }
  const listed = db.slice(db.indexOf("const entities = {"));
  return new Map([...listed.matchAll(/^\s+(\w+): (\w+Entity),$/gm)].map(([, entity, constructor]) => [entity!, folderOf.get(constructor!)!]));
}

/** Files allowed to touch any entity, each with why. */
const EXCEPTIONS: Record<string, string> = {
  "packages/core/src/db/": "the table's entities, transactions and collections, and the helpers every area's transactions share",
};

describe("the table", () => {
  const owner = owners();

  it("names an owning folder for every entity", () => {
    expect(owner.size).toBeGreaterThan(25);
    for (const [entity, folder] of owner) expect(folder, entity).toMatch(/^[\w-]+$/);
    expect(owner.get("client")).toBe("client");
    expect(owner.get("timeEntry")).toBe("timesheet");
  });

  it("is read and written by each entity's own area only", () => {
    const files = ["packages/core/src", "packages/functions/src", "packages/local/src"].flatMap((dir) => sourceFiles(join(ROOT, dir)));
    const foreign = files.flatMap((file) => {
      const path = relative(ROOT, file);
      if (Object.keys(EXCEPTIONS).some((prefix) => path.startsWith(prefix))) return [];
      return tableUses(file).filter((use) => !path.startsWith(`packages/core/src/${owner.get(use.entity) ?? "?"}/`));
    });
    expect(foreign.map((use) => `${use.file}:${use.line} uses ${use.entity} (owned by ${owner.get(use.entity) ?? "nobody"}/): call that area's functions`)).toEqual([]);
  });

  it("sees entities reached directly, taken apart in a transaction, or reached through its bag", () => {
    const source = `
      await db.entities.client.get({ agencyId, clientId }).go();
      await db.transaction.write(({ invoice, auditEvent: events, ...tx }) => [tx.timeEntry.patch(key).commit(), Audit.item(tx, event)]).go();
      await db.transaction.write((entities) => [entities.payment.create(item).commit()]).go();
      const release = ({ file }: Pick<TransactionEntities, "file">) => file;
      const unrelated = { client: 1 }.client;
    `;
    expect(tableUsesIn(source, "/sample.ts").map((use) => `${use.entity}@${use.line}`)).toEqual(["client@2", "invoice@3", "auditEvent@3", "timeEntry@3", "payment@4", "file@5"]);
  });
});
