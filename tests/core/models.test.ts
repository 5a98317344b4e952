import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";

// Deployed functions skip ElectroDB's model check at construction (packages/core/src/db/
// trusted-models.ts), so it runs here, with ElectroDB's own validator, on every entity's model.
const require = createRequire(import.meta.url);
const validations = require("electrodb/src/validations") as { testModel: (model: unknown) => [boolean, string] };

describe("entity models", () => {
  const entities = Object.entries(db.entities);

  it("covers every entity of the service", () => {
    expect(entities.length).toBeGreaterThan(20);
  });

  it.each(entities)("%s is a valid ElectroDB model", (_, entity) => {
    const [valid, error] = validations.testModel((entity as unknown as { schema: unknown }).schema);
    expect(error).toBe("");
    expect(valid).toBe(true);
  });

  it("catches a broken model (the check is real)", () => {
    const [valid, error] = validations.testModel({ model: { entity: "broken", version: "1", service: "baton" }, attributes: { id: { type: 42 } }, indexes: {} });
    expect(valid).toBe(false);
    expect(error).not.toBe("");
  });
});
