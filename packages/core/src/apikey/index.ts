import { z } from "zod";
import { actorRef, assertOwner } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { randomSecret, sha256 } from "../auth/tokens.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import type { ApiKeyItem } from "./entity.ts";

export * as ApiKey from "./index.ts";

export type ApiKey = { id: string; name: string; prefix: string; createdAt: string; lastUsedAt: string | null };

export function present(item: ApiKeyItem): ApiKey {
  return {
    id: item.apiKeyId,
    name: item.name,
    prefix: item.prefix,
    createdAt: item.createdAt,
    lastUsedAt: item.lastUsedAt ?? null,
  };
}

export const createSchema = z.strictObject({
  name: z
    .string({ error: "Name the key after what uses it." })
    .trim()
    .min(1, "Name the key after what uses it.")
    .max(80, "Keep the name under 80 characters."),
});

export async function list(): Promise<{ items: ApiKey[] }> {
  const agencyId = assertOwner();
  const result = await db.entities.apiKey.query.keysOfAgency({ agencyId }).go({ pages: "all" });
  return { items: result.data.map(present) };
}

/** Creates a key for the owner's integrations. The secret is returned once and never stored. */
export const create = fn(createSchema, async (input): Promise<{ apiKey: ApiKey; secret: string }> => {
  const agencyId = assertOwner();
  const apiKeyId = createId("apiKey");
  const secret = `bk.${agencyId}.${apiKeyId}.${randomSecret()}`;
  await db.transaction
    .write(({ apiKey, auditEvent }) => [
      apiKey
        .create({
          agencyId,
          apiKeyId,
          name: input.name,
          prefix: `bk…${secret.slice(-6)}`,
          secretHash: sha256(secret),
          createdBy: actorRef().id,
        })
        .commit(),
      auditEvent.create(Audit.event("apiKey.created", "apiKey", apiKeyId, { name: input.name })).commit(),
    ])
    .go();
  const { data } = await db.entities.apiKey.get({ agencyId, apiKeyId }).go({ consistent: true });
  return { apiKey: present(data!), secret };
});

export async function revoke(apiKeyId: string): Promise<void> {
  const agencyId = assertOwner();
  if (!isId("apiKey", apiKeyId)) throw notFound("API key");
  const result = await db.transaction
    .write(({ apiKey, auditEvent }) => [
      apiKey.delete({ agencyId, apiKeyId }).where((attr, op) => op.exists(attr.apiKeyId)).commit(),
      auditEvent.create(Audit.event("apiKey.revoked", "apiKey", apiKeyId)).commit(),
    ])
    .go();
  if (result.canceled) throw notFound("API key");
}
