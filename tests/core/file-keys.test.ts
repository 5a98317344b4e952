import { describe, expect, it } from "vitest";
import { db } from "@baton/core/db";
import { checkName, contentDisposition } from "@baton/core/file";
import { isPlainText, kindFor, looksExecutable } from "@baton/core/file/kinds";

// Offline: the key shapes of files, unread marks and owed emails (ACCESS_PATTERNS.md, "Files" and
// "Unread"), and the pure rules that decide what a file may be called and what it may be.
const agencyId = "agy_01jaaaaaaaaaaaaaaaaaaaaaaa";
const tenantPk = `$baton#agencyid_${agencyId}`;
const fileId = "fil_01jccccccccccccccccccccccc";

type QueryParams = { IndexName?: string; ExpressionAttributeValues: Record<string, unknown> };
type UpdateParams = { UpdateExpression: string; ExpressionAttributeNames: Record<string, string> };

describe("file keys", () => {
  it("keeps a file in the agency's partition and lists it under its request and its client", () => {
    const get = db.entities.file.get({ agencyId, fileId }).params<{ Key: { pk: string; sk: string } }>();
    expect(get.Key).toEqual({ pk: tenantPk, sk: `$file_1#fileid_${fileId}` });
    const ofRequest = db.entities.file.query.filesOfParent({ agencyId, parentId: "req_01jddddddddddddddddddddddd" }).params<QueryParams>();
    expect(ofRequest.IndexName).toBe("gsi1");
    expect(ofRequest.ExpressionAttributeValues[":pk"]).toBe(`${tenantPk}#parentid_req_01jddddddddddddddddddddddd`);
    const ofClient = db.entities.file.query.filesOfClient({ agencyId, clientId: "cli_01jbbbbbbbbbbbbbbbbbbbbbbb" }).params<QueryParams>();
    expect(ofClient.IndexName).toBe("gsi2");
    expect(ofClient.ExpressionAttributeValues[":pk"]).toBe(`${tenantPk}#clientid_cli_01jbbbbbbbbbbbbbbbbbbbbbbb`);
  });

  it("puts only files to purge in the sparse retention index, and takes an attached file out of it", () => {
    const due = db.entities.file.query.filesToPurge({ purge: "yes" }).lte({ purgeAt: "2026-12-04T00:00:00.000Z" }).params<QueryParams>();
    expect(due.IndexName).toBe("gsi3");
    expect(due.ExpressionAttributeValues[":pk"]).toBe("$baton#purge_yes");
    const attached = db.entities.file.patch({ agencyId, fileId }).set({ purge: "no", purgeAt: "-" }).params<UpdateParams>();
    expect(attached.UpdateExpression).toMatch(/REMOVE .*#gsi3pk/);
  });

  it("keeps a person's unread marks in one partition, and owed emails in one cross-agency queue", () => {
    const unread = db.entities.unread.query.unreadOfPerson({ agencyId, personId: "mem_1" }).params<QueryParams>();
    expect(unread.IndexName).toBeUndefined();
    expect(unread.ExpressionAttributeValues[":pk"]).toBe(`${tenantPk}#personid_mem_1`);
    const due = db.entities.notifyBatch.query.dueBatches({ queue: "notify" }).lte({ dueAt: "2026-12-04T00:00:00.000Z" }).params<QueryParams>();
    expect(due.IndexName).toBe("gsi2");
    expect(due.ExpressionAttributeValues[":pk"]).toBe("$baton#queue_notify");
  });
});

describe("file names", () => {
  it("refuses paths, control characters, direction marks, over-long names and names without an extension", () => {
    expect(checkName("../etc/passwd.pdf")).toEqual({ ok: false, problem: "path" });
    expect(checkName("a\\b.pdf")).toEqual({ ok: false, problem: "path" });
    expect(checkName("report\u0007.pdf")).toEqual({ ok: false, problem: "control" });
    expect(checkName("invoice\u202efdp.exe")).toEqual({ ok: false, problem: "invisible" });
    expect(checkName(`${"a".repeat(296)}.pdf`)).toEqual({ ok: false, problem: "too_long" });
    expect(checkName("README")).toEqual({ ok: false, problem: "no_extension" });
    expect(checkName("  Περίληψη 2026.pdf ")).toEqual({ ok: true, name: "Περίληψη 2026.pdf" });
  });

  it("writes a header-safe Content-Disposition with the exact name in filename*", () => {
    expect(contentDisposition('Q4 "final"; v2.pdf', false)).toBe(`attachment; filename="Q4 _final__ v2.pdf"; filename*=UTF-8''Q4%20%22final%22%3B%20v2.pdf`);
    expect(contentDisposition("Λογότυπο.png", true)).toBe(`inline; filename="________.png"; filename*=UTF-8''${encodeURIComponent("Λογότυπο")}.png`);
  });
});

describe("file kinds", () => {
  const all = ["pdf", "office", "images", "text", "archives", "audio", "video"] as const;

  it("never accepts programs, web pages or SVG, whatever the allow-list", () => {
    expect(kindFor("setup.exe", "application/x-msdownload", all)).toMatchObject({ ok: false, reason: "executable" });
    expect(kindFor("run.sh", "", all)).toMatchObject({ ok: false, reason: "executable" });
    expect(kindFor("page.html", "text/html", all)).toMatchObject({ ok: false, reason: "active" });
    expect(kindFor("logo.svg", "image/svg+xml", all)).toMatchObject({ ok: false, reason: "active" });
  });

  it("takes the kind from the extension, the declared type must agree, and the allow-list decides", () => {
    expect(kindFor("a.pdf", "application/pdf", all)).toMatchObject({ ok: true, extension: "pdf" });
    expect(kindFor("a.pdf", "", all)).toMatchObject({ ok: true });
    expect(kindFor("a.csv", "application/vnd.ms-excel", all)).toMatchObject({ ok: true });
    expect(kindFor("a.pdf", "image/png", all)).toMatchObject({ ok: false, reason: "mismatch" });
    expect(kindFor("a.zip", "application/zip", ["pdf"])).toMatchObject({ ok: false, reason: "not_allowed" });
    expect(kindFor("a.xyz", "", all)).toMatchObject({ ok: false, reason: "unknown" });
  });

  it("tells programs and text apart by their first bytes", () => {
    expect(looksExecutable(Uint8Array.from([0x4d, 0x5a, 0x90]))).toBe(true);
    expect(looksExecutable(new TextEncoder().encode("#!/bin/sh"))).toBe(true);
    expect(isPlainText(new TextEncoder().encode("Name,Amount\nΆννα,12\n"))).toBe(true);
    expect(isPlainText(new TextEncoder().encode("<!DOCTYPE html><script>alert(1)</script>"))).toBe(false);
    expect(isPlainText(Uint8Array.from([0x41, 0x00, 0x42]))).toBe(false);
    // A sample cut inside a multi-byte character is still text.
    expect(isPlainText(new TextEncoder().encode("Ά").subarray(0, 1))).toBe(true);
  });
});
