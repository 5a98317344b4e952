import { Config, type StackContext } from "sst/constructs";

export function Secrets({ stack }: StackContext) {
  // Values live in SSM (`npx sst secrets set NAME value --stage <stage>`), never in the template.
  // SST's runtime fails a cold start if any *bound* secret has no value, so secrets are created
  // only when something binds them: the Stripe keys arrive with payments, bound to those functions.
  const secrets = Config.Secret.create(stack, "SESSION_SECRET");

  const domain = process.env.BATON_EMAIL_DOMAIN || undefined;
  const EMAIL_FROM = new Config.Parameter(stack, "EMAIL_FROM", {
    value:
      process.env.BATON_EMAIL_FROM ||
      `Baton <no-reply@${domain ?? "example.com"}>`,
  });

  return { ...secrets, EMAIL_FROM };
}
