import { Secret } from "aws-cdk-lib/aws-secretsmanager";
import { Config, type StackContext } from "sst/constructs";
import { signupMode } from "./signup.ts";

export function Secrets({ stack }: StackContext) {
  // Values live in SSM (`npx sst secrets set NAME value --stage <stage>`), never in the template.
  // SST's runtime fails a cold start if any *bound* secret has no value, so secrets are created
  // only when something binds them. Card payments are optional: deploy with BATON_STRIPE=1 to create
  // and bind the Stripe keys (then set both); without it clients pay by the agency's instructions.
  const secrets = Config.Secret.create(stack, "SESSION_SECRET");
  const stripe = process.env.BATON_STRIPE === "1" ? Config.Secret.create(stack, "STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET") : null;

  // Sign-up by invite code (infra/signup.ts): the code is a secret the operator sets, bound to the API only.
  const signup = signupMode() === "invite" ? Config.Secret.create(stack, "SIGNUP_INVITE_CODE") : null;

  const domain = process.env.BATON_EMAIL_DOMAIN || undefined;
  const EMAIL_FROM = new Config.Parameter(stack, "EMAIL_FROM", {
    value:
      process.env.BATON_EMAIL_FROM ||
      `Baton <no-reply@${domain ?? "example.com"}>`,
  });

  // The secret CloudFront adds to every request it forwards to the API (infra/sites.ts) and the
  // API insists on (BATON_ORIGIN_SECRET): the execute-api URL can't be used to go around the
  // sites, and only a request that came through CloudFront has its viewer-address header trusted.
  // Generated once by Secrets Manager; CloudFormation resolves it at deploy time, so the value is
  // never in a template.
  const ORIGIN_SECRET = new Secret(stack, "OriginSecret", {
    description: "Header value CloudFront sends to the Baton API (x-baton-origin)",
    generateSecretString: { excludePunctuation: true, passwordLength: 48 },
  });

  return { ...secrets, EMAIL_FROM, ORIGIN_SECRET, stripe: stripe ? [stripe.STRIPE_SECRET_KEY, stripe.STRIPE_WEBHOOK_SECRET] : [], signup: signup ? [signup.SIGNUP_INVITE_CODE] : [] };
}
