import { z } from "zod";
import { actorRef, assertOwnerInPerson, ApiKeyScopes, LegacyApiKeyScopes, type ApiKeyScope } from "../actor/index.ts";
import { Audit } from "../audit/index.ts";
import { randomSecret, sha256 } from "../auth/tokens.ts";
import { db } from "../db/index.ts";
import { notFound } from "../error/index.ts";
import { fn } from "../fn/index.ts";
import { createId, isId } from "../id/index.ts";
import type { ApiKeyItem } from "./entity.ts";

export * as ApiKey from "./index.ts";
// Output schemas: what this area's functions answer, as the OpenAPI document declares it.
export * from "./output.ts";

export type ApiKey = { id: string; name: string; prefix: string; scopes: ApiKeyScope[]; createdAt: string; lastUsedAt: string | null };

/** A key's scopes in a fixed order; keys made before scopes existed could read and write. */
export const scopesOf = (item: Pick<ApiKeyItem, "scopes">): ApiKeyScope[] =>
  ApiKeyScopes.filter((scope) => ((item.scopes ?? LegacyApiKeyScopes) as readonly ApiKeyScope[]).includes(scope));

export function present(item: ApiKeyItem): ApiKey {
  return {
    id: item.apiKeyId,
    name: item.name,
    prefix: item.prefix,
    scopes: scopesOf(item),
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
  /** What the key may do. Whatever they are, keys never manage keys, payment settings or the team. */
  scopes: z
    .array(z.enum(ApiKeyScopes, { error: "Scopes are read, write and webhooks." }), { error: "Choose what the key may do: read, write or webhooks." })
    .min(1, "Choose what the key may do: read, write or webhooks.")
    .max(ApiKeyScopes.length)
    .default(["read"])
    .transform((scopes) => ApiKeyScopes.filter((scope) => scopes.includes(scope))),
});

export async function list(): Promise<{ items: ApiKey[]; cursor: null }> {
  const agencyId = assertOwnerInPerson();
  const result = await db.entities.apiKey.query.keysOfAgency({ agencyId }).go({ pages: "all" });
  return { items: result.data.map(present), cursor: null };
}

/** Creates a key for the owner's integrations (the owner in person: a key can't mint a key that outlives it). The secret is returned once and never stored. */
export const create = fn(createSchema, async (input): Promise<{ apiKey: ApiKey; secret: string }> => {
  const agencyId = assertOwnerInPerson();
  const apiKeyId = createId("apiKey");
  const secret = `bk.${agencyId}.${apiKeyId}.${randomSecret()}`;
  await db.transaction
    .write(({ apiKey, ...tx }) => [
      apiKey
        .create({
          agencyId,
          apiKeyId,
          name: input.name,
          prefix: `bk…${secret.slice(-6)}`,
          scopes: input.scopes,
          secretHash: sha256(secret),
          createdBy: actorRef().id,
        })
        .commit(),
      Audit.item(tx, Audit.event("apiKey.created", "apiKey", apiKeyId, { name: input.name, scopes: input.scopes })),
    ])
    .go();
  const { data } = await db.entities.apiKey.get({ agencyId, apiKeyId }).go({ consistent: true });
  return { apiKey: present(data!), secret };
});

export async function revoke(apiKeyId: string): Promise<void> {
  const agencyId = assertOwnerInPerson();
  if (!isId("apiKey", apiKeyId)) throw notFound("API key");
  const result = await db.transaction
    .write(({ apiKey, ...tx }) => [
      apiKey.delete({ agencyId, apiKeyId }).where((attr, op) => op.exists(attr.apiKeyId)).commit(),
      Audit.item(tx, Audit.event("apiKey.revoked", "apiKey", apiKeyId)),
    ])
    .go();
  if (result.canceled) throw notFound("API key");
}
