import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { Auth } from "@baton/core/auth";

const member = { type: "member", agencyId: "agy_01jaaaaaaaaaaaaaaaaaaaaaaa", memberId: "mem_01jaaaaaaaaaaaaaaaaaaaaaaa", sessionVersion: 0 } as const;

describe("session tokens", () => {
  it("round-trips a member and a contact", async () => {
    expect(await Auth.readSessionToken(await Auth.createSessionToken(member))).toEqual(member);
    const contact = { type: "contact", agencyId: member.agencyId, contactId: "con_1", clientId: "cli_1", sessionVersion: 2 } as const;
    expect(await Auth.readSessionToken(await Auth.createSessionToken(contact))).toEqual(contact);
  });

  it("rejects a token signed with another key", async () => {
    const forged = await new SignJWT({ agency: member.agencyId, kind: "member" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(member.memberId)
      .setIssuer("baton")
      .setExpirationTime("1d")
      .sign(new TextEncoder().encode("some-other-secret-that-is-long-enough!!"));
    expect(await Auth.readSessionToken(forged)).toBeNull();
  });

  it("rejects an expired token", async () => {
    const expired = await new SignJWT({ agency: member.agencyId, kind: "member" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(member.memberId)
      .setIssuer("baton")
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(process.env.BATON_SESSION_SECRET!));
    expect(await Auth.readSessionToken(expired)).toBeNull();
  });

  it("rejects an unsigned token and garbage", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify({ sub: member.memberId, agency: member.agencyId, kind: "member", iss: "baton" })).toString("base64url");
    expect(await Auth.readSessionToken(`${header}.${payload}.`)).toBeNull();
    expect(await Auth.readSessionToken("not.a.token")).toBeNull();
  });
});
