import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP } from "node:net";
import { Config } from "../config/index.ts";
import { allowed, guardedLookup, refusalOf, urlProblem, type Rules } from "./address.ts";

// One HTTP POST to an endpoint, through the SSRF guard (address.ts): no redirects followed, a
// short timeout, and only the first bytes of the answer kept for the delivery log.

const TIMEOUT_MS = 10_000;
const EXCERPT = 500;

export type Attempt = { statusCode: number; ok: boolean; durationMs: number; excerpt: string; error?: string };

/** The rules in force: https only on AWS; loopback only locally and only when set on purpose. */
export function rules(): Rules {
  return { httpsOnly: Config.onAws, allowLoopback: !Config.onAws && Config.webhooksAllowLoopback };
}

export async function post(url: string, body: string, headers: Record<string, string>, given: Rules = rules()): Promise<Attempt> {
  const started = performance.now();
  const done = (partial: Omit<Attempt, "durationMs">): Attempt => ({ ...partial, durationMs: Math.round(performance.now() - started) });
  const problem = urlProblem(url, given);
  if (problem) return done({ statusCode: 0, ok: false, excerpt: "", error: problem });
  const target = new URL(url);
  const host = target.hostname.replace(/^\[|\]$/g, "");
  // A literal address is never looked up: it is judged here.
  if (isIP(host) && !allowed(refusalOf(host), given)) return done({ statusCode: 0, ok: false, excerpt: "", error: `refused: ${refusalOf(host)} address` });
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<Attempt>((resolve) => {
    const req = request(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "user-agent": "webhooks/1", "content-length": String(Buffer.byteLength(body)), ...headers },
        lookup: guardedLookup(given) as never,
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < EXCERPT) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => {
          const statusCode = res.statusCode ?? 0;
          resolve(done({ statusCode, ok: statusCode >= 200 && statusCode < 300, excerpt: Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT) }));
        });
        res.on("error", (error) => resolve(done({ statusCode: res.statusCode ?? 0, ok: false, excerpt: "", error: error.message.slice(0, 300) })));
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on("error", (error) => resolve(done({ statusCode: 0, ok: false, excerpt: "", error: error.message.slice(0, 300) })));
    req.end(body);
  });
}
