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
  get sessionSecret() {
    const secret = read("BATON_SESSION_SECRET");
    if (!secret || secret.length < 32) {
      throw new Error("BATON_SESSION_SECRET must be set to at least 32 characters");
    }
    return secret;
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
  /** Stripe's secret key; without it clients pay by the agency's instructions (the local default). */
  get stripeSecretKey() {
    return read("STRIPE_SECRET_KEY");
  },
  /** The signing secret of the Stripe webhook endpoint (whsec_…). */
  get stripeWebhookSecret() {
    return read("STRIPE_WEBHOOK_SECRET");
  },
  /** Where the Stripe SDK sends its calls (tests: a fake Stripe server); Stripe's own API when unset. */
  get stripeApiBase() {
    return read("STRIPE_API_BASE");
  },
};
