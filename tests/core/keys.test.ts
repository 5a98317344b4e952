import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";

// Offline: .params() builds the DynamoDB request without sending it, pinning the key shapes that
// ACCESS_PATTERNS.md documents. Every tenant key starts with the agency id.
const agencyId = "agy_01jaaaaaaaaaaaaaaaaaaaaaaa";
const tenantPk = `$baton#agencyid_${agencyId}`;

type QueryParams = { IndexName?: string; ExpressionAttributeValues: Record<string, unknown>; KeyConditionExpression: string };
const pkOf = (params: QueryParams) => params.ExpressionAttributeValues[":pk"];
const skOf = (params: QueryParams) => params.ExpressionAttributeValues[":sk1"];

describe("key shapes", () => {
  it("lists members in the agency's partition", () => {
    const params = db.entities.member.query.membersOfAgency({ agencyId }).params<QueryParams>();
    expect(params.IndexName).toBeUndefined();
    expect(pkOf(params)).toBe(tenantPk);
    expect(skOf(params)).toBe("$member_1#memberid_");
  });

  it("lists clients in the agency's partition", () => {
    const params = db.entities.client.query.clientsOfAgency({ agencyId }).params<QueryParams>();
    expect(pkOf(params)).toBe(tenantPk);
    expect(skOf(params)).toBe("$client_1#clientid_");
  });

  it("reads a client with its contacts from one gsi1 partition (clientProfile collection)", () => {
    const clientId = "cli_01jbbbbbbbbbbbbbbbbbbbbbbb";
    const params = db.collections.clientProfile({ agencyId, clientId }).params<QueryParams>();
    expect(params.IndexName).toBe("gsi1");
    expect(pkOf(params)).toBe(`$baton#agencyid_${agencyId}#clientid_${clientId}`);
  });

  it("lists audit events of an agency and of one subject", () => {
    expect(pkOf(db.entities.auditEvent.query.eventsOfAgency({ agencyId }).params<QueryParams>())).toBe(tenantPk);
    const bySubject = db.entities.auditEvent.query.eventsOfSubject({ agencyId, subjectId: "cli_x" }).params<QueryParams>();
    expect(bySubject.IndexName).toBe("gsi1");
    expect(pkOf(bySubject)).toBe(`$baton#agencyid_${agencyId}#subjectid_cli_x`);
  });

  it("keeps API keys, magic links and uniqueness claims in the agency's partition", () => {
    const key = db.entities.apiKey.get({ agencyId, apiKeyId: "key_1" }).params<{ Key: { pk: string; sk: string } }>();
    expect(key.Key.pk).toBe(tenantPk);
    const link = db.entities.magicLink.get({ agencyId, tokenHash: "abc" }).params<{ Key: { pk: string; sk: string } }>();
    expect(link.Key).toEqual({ pk: tenantPk, sk: "$magiclink_1#tokenhash_abc" });
    const claim = db.entities.uniqueness.get({ agencyId, scope: "client-code", value: "ACME" }).params<{ Key: { pk: string; sk: string } }>();
    // ElectroDB lower-cases keys, so codes and emails are unique case-insensitively.
    expect(claim.Key).toEqual({ pk: tenantPk, sk: "$uniqueness_1#scope_client-code#value_acme" });
  });

  it("finds sign-in accounts by email across agencies on gsi2 (the one pre-authentication lookup)", () => {
    const params = db.collections.logins({ email: "ada@acme.example" }).params<QueryParams>();
    expect(params.IndexName).toBe("gsi2");
    expect(pkOf(params)).toBe("$baton#email_ada@acme.example");
  });

  it("reads one client's open work from its own gsi4 partition (the client board), not every client's", () => {
    const clientId = "cli_01jbbbbbbbbbbbbbbbbbbbbbbb";
    const params = db.entities.task.query.openWorkOfClient({ agencyId, clientId, state: "open" }).params<QueryParams>();
    expect(params.IndexName).toBe("gsi4");
    expect(pkOf(params)).toBe(`$baton#agencyid_${agencyId}#clientid_${clientId}`);
    expect(skOf(params)).toBe("$task_1#state_open#dueat_");
    // A transition moves the task's place in it with its state: closed work sorts apart.
    const moved = db.entities.task
      .patch({ agencyId, taskId: "tsk_1" })
      .set({ status: "done", state: "closed", dueAt: "2026-01-01T00:00:00.000Z" })
      .params<{ ExpressionAttributeValues: Record<string, unknown> }>();
    expect(moved.ExpressionAttributeValues[":gsi4sk_u0"]).toBe("$task_1#state_closed#dueat_2026-01-01t00:00:00.000z#taskid_tsk_1");
  });

  it("never uses Scan: no core module calls scan", () => {
    const root = join(import.meta.dirname, "../../packages/core/src");
    const files = (function walk(dir: string): string[] {
      return readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : path.endsWith(".ts") ? [path] : [];
      });
    })(root);
    expect(files.length).toBeGreaterThan(10);
    const scanning = files.filter((file) => /\.scan\b|ScanCommand/.test(readFileSync(file, "utf8")));
    expect(scanning).toEqual([]);
  });
});
