import { request as httpRequest } from "node:http";
import { createServer, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { Deferred } from "@baton/core/deferred";
import { ApiClient, linkTokenFor, startApi, type Started } from "../support/http.ts";
import { createAgency, uniqueEmail } from "../support/fixtures.ts";

// Sign-in link requests can't be turned against the people they serve: a stranger can't lock a
// person out of sign-in by asking for their link (the tight per-email limit counts per network
// address, after the per-address limit), and a request for a known address answers exactly like
// one for an unknown address, without waiting for SES (no account enumeration by timing).

let api: Started;
beforeAll(async () => {
  api = await startApi();
});
afterAll(() => api.close());

/** POST /api/auth/link from a given loopback address (all of 127.0.0.0/8 is this machine). */
function askFrom(localAddress: string, email: string): Promise<number> {
  const url = new URL(`${api.baseUrl}/api/auth/link`);
  const body = JSON.stringify({ email });
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: "POST", localAddress, headers: { "content-type": "application/json", "x-baton-app": "web", "content-length": Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode!));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

describe("the sign-in rate limits", () => {
  it("don't let a stranger lock a person out: the attacker's address is limited, the person's is not", async () => {
    const agency = await createAgency("Lockout Agency");
    const attacker: number[] = [];
    for (let i = 0; i < 8; i++) attacker.push(await askFrom("127.0.0.2", agency.ownerEmail));
    expect(attacker.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(attacker.slice(5)).toEqual([429, 429, 429]);
    // The owner, from their own network, still gets a link.
    const before = Math.floor(Date.now() / 1000);
    expect(await askFrom("127.0.0.3", agency.ownerEmail)).toBe(202);
    const token = await linkTokenFor(agency.ownerEmail, before);
    expect((await new ApiClient(api.baseUrl).post("/auth/verify", { token })).status).toBe(200);
  });

  it("refuse an address over its own limit before charging any email's counter", async () => {
    const flood = "127.0.0.4";
    for (let i = 0; i < 30; i++) expect(await askFrom(flood, uniqueEmail("spray"))).toBe(202);
    const victim = uniqueEmail("victim");
    for (let i = 0; i < 6; i++) expect(await askFrom(flood, victim)).toBe(429);
    // None of those refusals counted against the victim.
    expect(await askFrom("127.0.0.5", victim)).toBe(202);
  });

  it("still stop a crowd of addresses from flooding one inbox", async () => {
    const email = uniqueEmail("flooded");
    const statuses: number[] = [];
    for (let host = 10; host < 15; host++) for (let i = 0; i < 5; i++) statuses.push(await askFrom(`127.0.1.${host}`, email));
    expect(statuses.filter((s) => s === 202)).toHaveLength(20);
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429]);
  });
});

describe("a link request's answer", () => {
  let ses: Server;
  let sockets: Socket[] = [];
  let seen = 0;
  beforeAll(async () => {
    // An SES that takes the connection and never answers: a request that waited for it would hang.
    ses = createServer((socket) => {
      seen++;
      sockets.push(socket);
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => ses.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    process.env.SES_ENDPOINT = inject("sesEndpoint");
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => ses.close(resolve));
    await Deferred.settled();
  });

  it("does not wait for SES, so a known address answers like an unknown one", async () => {
    const agency = await createAgency("Timing Agency");
    const address = ses.address() as { port: number };
    process.env.SES_ENDPOINT = `http://127.0.0.1:${address.port}`;
    // Plain fetch: the test client would wait for the deferred email (tests/support/http.ts).
    const ask = async (email: string) => {
      const reply = await fetch(`${api.baseUrl}/api/auth/link`, { method: "POST", headers: { "content-type": "application/json", "x-baton-app": "web" }, body: JSON.stringify({ email }) });
      return { status: reply.status, body: await reply.json() };
    };
    const known = await ask(agency.ownerEmail);
    const unknown = await ask(uniqueEmail("nobody"));
    // Both answered while SES has not said a word.
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(known.body).toEqual(unknown.body);
    expect(sockets.every((socket) => socket.bytesWritten === 0)).toBe(true);
    // The known address's email is on its way: SES was called for it, after the answer.
    for (let i = 0; i < 50 && seen === 0; i++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seen).toBeGreaterThan(0);
  });
});
