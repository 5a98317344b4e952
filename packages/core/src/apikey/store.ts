import { db } from "../db/index.ts";
import type { ApiKeyItem } from "./entity.ts";

// The API key area's table, for other areas (signing in with a key): they read keys only through these.
export * as ApiKeyStore from "./store.ts";

/** One key of an agency, or null. */
export async function load(agencyId: string, apiKeyId: string): Promise<ApiKeyItem | null> {
  return (await db.entities.apiKey.get({ agencyId, apiKeyId }).go()).data;
}

/** Notes when the key was last used. */
export async function touch(agencyId: string, apiKeyId: string, at: string): Promise<void> {
  await db.entities.apiKey.patch({ agencyId, apiKeyId }).set({ lastUsedAt: at }).go();
}
