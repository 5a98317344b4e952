// Runtime configuration, read from the environment on each access so that the local runtime and
// the tests can set it before first use. On Lambda, SST sets these from the stacks in infra/.
const read = (name: string) => process.env[name] || undefined;

export const Config = {
  get tableName() {
    const name = read("BATON_TABLE_NAME");
    // On Lambda the name always comes from the stack (a parameter): never guess a table there.
    if (!name && read("AWS_LAMBDA_FUNCTION_NAME")) throw new Error("BATON_TABLE_NAME is not set: load the SST environment before the core");
    return name ?? "baton";
  },
  get region() {
    return read("AWS_REGION") ?? "us-east-1";
  },
  /** Set only locally: DynamoDB Local's URL. */
  get dynamoEndpoint() {
    return read("DYNAMODB_ENDPOINT");
  },
  /** Set only locally: the SES emulator's URL. */
  get sesEndpoint() {
    return read("SES_ENDPOINT");
  },
  /**
   * The keys that sign sessions and survey links, from BATON_SESSION_SECRET: one secret, or a
   * comma-separated list of `kid:secret` entries, the first of which signs while every one still
   * verifies (so a new key can be added first and an old one removed once its tokens are gone).
   * A bare secret (no kid) verifies and signs tokens that carry no key id, as before key ids.
   */
  get signingKeys(): SigningKey[] {
    return parseSigningKeys(read("BATON_SESSION_SECRET"));
  },
  get emailFrom() {
    return read("BATON_EMAIL_FROM") ?? "Baton <no-reply@baton.local>";
  },
  /** The SES configuration set that tracks delivery (set on AWS; absent locally). */
  get sesConfigurationSet() {
    return read("BATON_SES_CONFIGURATION_SET");
  },
  get webUrl() {
    return (read("BATON_WEB_URL") ?? "http://localhost:3000").replace(/\/$/, "");
  },
  get portalUrl() {
    return (read("BATON_PORTAL_URL") ?? "http://localhost:3000/portal").replace(/\/$/, "");
  },
  /** The agency a portal serves when its address names none (a deploy setting: one agency's own domain). */
  get portalAgency() {
    return read("BATON_PORTAL_AGENCY");
  },
  /** The private bucket that holds the agency's files (infra/files.ts on AWS; s3rver locally). */
  get bucketName() {
    return read("BATON_BUCKET_NAME") ?? "baton-files";
  },
  /** Set only locally: the S3 stand-in's URL, reached path-style by the API and by browsers alike. */
  get s3Endpoint() {
    return read("S3_ENDPOINT");
  },
  /** Uploads at least this large go up in parts (S3 multipart); smaller ones in one presigned POST. */
  get multipartThresholdBytes() {
    return Number(read("BATON_MULTIPART_THRESHOLD_BYTES") ?? 64 * 1024 * 1024);
  },
  /** The size of each part of a multipart upload (S3's minimum is 5 MiB, except the last). */
  get multipartPartBytes() {
    return Number(read("BATON_MULTIPART_PART_BYTES") ?? 16 * 1024 * 1024);
  },
  /** How long a presigned upload or download stays valid. */
  get presignSeconds() {
    return Number(read("BATON_PRESIGN_SECONDS") ?? 300);
  },
  /** How long a new message waits before it is emailed, so several make one email (and a read one none). */
  get notifyDelaySeconds() {
    return Number(read("BATON_NOTIFY_DELAY_SECONDS") ?? 120);
  },
  /** Stripe's secret key; without it clients pay by the agency's instructions (the local default). */
  get stripeSecretKey() {
    return read("STRIPE_SECRET_KEY");
  },
  /** The signing secret of the Stripe webhook endpoint (whsec_…). */
  get stripeWebhookSecret() {
    return read("STRIPE_WEBHOOK_SECRET");
  },
  /**
   * Who may create an agency over HTTP (signup/): "open", "invite" (with BATON_SIGNUP_INVITE_CODE)
   * or "closed". Closed unless set: a deploy opens it on purpose (infra/signup.ts); `npm start` sets open.
   */
  get signupMode(): "open" | "invite" | "closed" {
    const mode = read("BATON_SIGNUP_MODE");
    return mode === "open" || mode === "invite" ? mode : "closed";
  },
  /** The code sign-up asks for in "invite" mode (an SST secret on AWS). Unset: nobody can sign up. */
  get signupInviteCode() {
    return read("BATON_SIGNUP_INVITE_CODE");
  },
  /** Where the Stripe SDK sends its calls (tests: a fake Stripe server); Stripe's own API when unset. */
  get stripeApiBase() {
    return read("STRIPE_API_BASE");
  },
  /** True on Lambda: outgoing webhooks go to https addresses only. */
  get onAws() {
    return Boolean(read("AWS_LAMBDA_FUNCTION_NAME"));
  },
  /** Locally only, set on purpose: outgoing webhooks may call loopback addresses (a receiver on this machine). */
  get webhooksAllowLoopback() {
    return read("BATON_WEBHOOKS_ALLOW_LOOPBACK") === "yes";
  },
};

export type SigningKey = { kid: string | undefined; secret: string };

export function parseSigningKeys(value: string | undefined): SigningKey[] {
  const entries = (value ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const keys = entries.map((entry): SigningKey => {
    const colon = entry.indexOf(":");
    return colon < 0 ? { kid: undefined, secret: entry } : { kid: entry.slice(0, colon), secret: entry.slice(colon + 1) };
  });
  if (!keys.length) throw new Error("BATON_SESSION_SECRET must be set to at least 32 characters");
  for (const key of keys) {
    if (key.secret.length < 32) throw new Error("BATON_SESSION_SECRET: every secret must be at least 32 characters");
    if (key.kid !== undefined && !/^[a-z0-9]{1,16}$/.test(key.kid)) {
      throw new Error("BATON_SESSION_SECRET: a key id is 1 to 16 lowercase letters and digits, as in k2:<secret>");
    }
  }
  if (new Set(keys.map((key) => key.kid ?? "")).size !== keys.length) throw new Error("BATON_SESSION_SECRET: two keys have the same id");
  return keys;
}

/** The key that signs new tokens, and the one a token's key id (or its absence) names. */
export const signingKey = () => Config.signingKeys[0]!;
export const verifyingKey = (kid: string | undefined) => Config.signingKeys.find((key) => key.kid === kid);
