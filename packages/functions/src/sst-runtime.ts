import { createHash, createHmac } from "node:crypto";

// On Lambda, SST v2 delivers what a function is bound to (parameters, secrets, the sites' URLs)
// in environment variables named SST_<Construct>_<prop>_<id>. A small value is the variable's
// value; a secret (or a large parameter) reads "__FETCH_FROM_SSM__" and lives in SSM under
// <SST_SSM_PREFIX><Construct>/<id>/<prop>, or, for a secret not set for the stage, under
// /sst/<app>/.fallback/Secret/<id>/<prop>. `sst/node/config` and `sst/node/site` read them with
// an SSM client of their own: a second copy of the AWS SDK (about 505 KB of the API's bundle).
// This reads the same variables and asks SSM's GetParameters itself, one signed HTTPS POST
// (Signature Version 4, with the function's own credentials from its environment), then copies
// the values to the plain environment variables the core reads. Values the stack already set
// (custom domains) win; what a function is not bound to is left unset.

type Bound = { construct: string; id: string; prop: string };
type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const FROM_SSM = "__FETCH_FROM_SSM__";
const FROM_SECRET = "__FETCH_FROM_SECRET__:";

/** Where each bound value goes: [environment variable, construct, id, prop]. */
const TARGETS: ReadonlyArray<[string, string, string, string]> = [
  ["BATON_TABLE_NAME", "Config", "TABLE_NAME", "value"],
  ["BATON_SESSION_SECRET", "Config", "SESSION_SECRET", "value"],
  // Bound only when the stage was deployed with card payments (BATON_STRIPE=1).
  ["STRIPE_SECRET_KEY", "Config", "STRIPE_SECRET_KEY", "value"],
  ["STRIPE_WEBHOOK_SECRET", "Config", "STRIPE_WEBHOOK_SECRET", "value"],
  // Bound to the API only when the stage takes sign-ups by invite code (BATON_SIGNUP=invite).
  ["BATON_SIGNUP_INVITE_CODE", "Config", "SIGNUP_INVITE_CODE", "value"],
  ["BATON_WEB_URL", "StaticSite", "web", "url"],
  ["BATON_PORTAL_URL", "StaticSite", "portal", "url"],
];

export type LoadOptions = {
  env?: NodeJS.ProcessEnv;
  /** Tests: a stand-in for SSM's endpoint. */
  ssmEndpoint?: string;
  now?: () => Date;
};

/** Reads what SST bound to this function into BATON_* (and Stripe's) environment variables. */
export async function loadSstEnvironment(options: LoadOptions = {}): Promise<void> {
  const env = options.env ?? process.env;
  const values = await boundValues(env, options);
  for (const [name, construct, id, prop] of TARGETS) {
    if (env[name]) continue;
    // `Config` is SST's name for parameters and secrets alike.
    const value = construct === "Config" ? (values.Parameter?.[id]?.[prop] ?? values.Secret?.[id]?.[prop]) : values[construct]?.[id]?.[prop];
    if (value) env[name] = value;
  }
}

type Values = Record<string, Record<string, Record<string, string>>>;

async function boundValues(env: NodeJS.ProcessEnv, options: LoadOptions): Promise<Values> {
  const values: Values = {};
  const store = ({ construct, id, prop }: Bound, value: string) => {
    ((values[construct] ??= {})[id] ??= {})[prop] = value;
  };
  const fromSsm: Bound[] = [];
  const fromSecret: Array<[Bound, string]> = [];
  for (const [name, value] of Object.entries(env)) {
    if (!name.startsWith("SST_") || value === undefined) continue;
    const [, construct, prop, ...idParts] = name.split("_");
    const bound = { construct: construct ?? "", prop: prop ?? "", id: idParts.join("_") };
    if (!bound.construct || !bound.prop || !bound.id) continue;
    if (value === FROM_SSM) fromSsm.push(bound);
    else if (value.startsWith(FROM_SECRET)) fromSecret.push([bound, value.slice(FROM_SECRET.length)]);
    else store(bound, value);
  }
  if (fromSsm.length) {
    const prefix = env.SST_SSM_PREFIX ?? "";
    const path = (b: Bound) => `${prefix}${b.construct}/${b.id}/${b.prop}`;
    const fallback = (b: Bound) => `/sst/${env.SST_APP}/.fallback/${b.construct}/${b.id}/${b.prop}`;
    const first = await getParameters(fromSsm.map(path), env, options);
    for (const b of fromSsm) if (first.found.has(path(b))) store(b, first.found.get(path(b))!);
    const secretsLeft = fromSsm.filter((b) => !first.found.has(path(b)) && b.construct === "Secret");
    if (secretsLeft.length) {
      const second = await getParameters(secretsLeft.map(fallback), env, options);
      for (const b of secretsLeft) if (second.found.has(fallback(b))) store(b, second.found.get(fallback(b))!);
      const missing = secretsLeft.filter((b) => !second.found.has(fallback(b))).map((b) => b.id);
      if (missing.length) throw new Error(`The following secret values are not set in the "${env.SST_STAGE} stage": ${missing.join(", ")}`);
    }
  }
  for (const [bound, secret] of fromSecret) {
    const value = values.Secret?.[secret]?.value;
    if (value) store(bound, value);
  }
  return values;
}

/** SSM GetParameters (with decryption), ten names a call as SSM allows. */
async function getParameters(names: string[], env: NodeJS.ProcessEnv, options: LoadOptions): Promise<{ found: Map<string, string> }> {
  const region = env.SST_REGION || env.AWS_REGION || "us-east-1";
  const endpoint = options.ssmEndpoint ?? `https://ssm.${region}.amazonaws.com/`;
  const credentials = {
    accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
    secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? "",
    ...(env.AWS_SESSION_TOKEN ? { sessionToken: env.AWS_SESSION_TOKEN } : {}),
  };
  const found = new Map<string, string>();
  const chunks: string[][] = [];
  for (let i = 0; i < names.length; i += 10) chunks.push(names.slice(i, i + 10));
  await Promise.all(
    chunks.map(async (chunk) => {
      const body = JSON.stringify({ Names: chunk, WithDecryption: true });
      const headers = signRequest(
        { method: "POST", url: endpoint, headers: { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonSSM.GetParameters" }, body },
        { region, service: "ssm", credentials, now: options.now?.() ?? new Date() },
      );
      const response = await fetch(endpoint, { method: "POST", headers, body });
      const text = await response.text();
      if (!response.ok) throw new Error(`SSM GetParameters failed (${response.status}): ${text.slice(0, 300)}`);
      const result = JSON.parse(text) as { Parameters?: Array<{ Name: string; Value: string }> };
      for (const parameter of result.Parameters ?? []) found.set(parameter.Name, parameter.Value);
    }),
  );
  return { found };
}

const sha256 = (data: string) => createHash("sha256").update(data, "utf8").digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data, "utf8").digest();
/** RFC 3986 encoding, as Signature Version 4 wants it. */
const encode = (text: string) => encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Signs an HTTP request with AWS Signature Version 4 and answers its headers (host, x-amz-date,
 * the session token, Authorization and those given). Checked against the AWS SDK's own signer in
 * tests/core/sst-runtime.test.ts.
 */
export function signRequest(
  request: { method: string; url: string; headers: Record<string, string>; body: string },
  context: { region: string; service: string; credentials: Credentials; now: Date },
): Record<string, string> {
  const url = new URL(request.url);
  const amzDate = context.now.toISOString().replace(/[:-]|\.\d{3}/g, "");
  const day = amzDate.slice(0, 8);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = value;
  headers.host = url.host;
  headers["x-amz-date"] = amzDate;
  if (context.credentials.sessionToken) headers["x-amz-security-token"] = context.credentials.sessionToken;
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(";");
  const canonicalHeaders = names.map((name) => `${name}:${headers[name]!.trim().replace(/\s+/g, " ")}\n`).join("");
  const query = [...url.searchParams.entries()]
    .map(([key, value]) => [encode(key), encode(value)] as const)
    .sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0))
    .map(([key, value]) => `${key}=${value}`)
    .join("&");
  const path = url.pathname.split("/").map((segment) => encode(decodeURIComponent(segment))).join("/") || "/";
  const canonicalRequest = [request.method.toUpperCase(), path, query, canonicalHeaders, signedHeaders, sha256(request.body)].join("\n");
  const scope = `${day}/${context.region}/${context.service}/aws4_request`;
  const stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, sha256(canonicalRequest)].join("\n");
  const key = hmac(hmac(hmac(hmac(`AWS4${context.credentials.secretAccessKey}`, day), context.region), context.service), "aws4_request");
  const signature = createHmac("sha256", key).update(stringToSign, "utf8").digest("hex");
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${context.credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
