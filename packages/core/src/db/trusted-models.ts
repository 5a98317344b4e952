import { Entity } from "electrodb";

// ElectroDB checks every model against its JSON schema (jsonschema) each time an entity is
// constructed: a fifth to a quarter of the API's import time at every cold start, to re-check
// models that never change between deploys. The Lambda entry points import this module before
// the core, so deployed functions skip the check; tests/core/models.test.ts runs the same check
// on every model instead, and the local runtime and the tests keep checking at construction.
// ElectroDB has no option for this, so its (private) per-entity check is replaced.

type WithCheck = { _validateModel?: (model: unknown) => void };

export function trustModels(): void {
  (Entity.prototype as unknown as WithCheck)._validateModel = () => {};
}

trustModels();
