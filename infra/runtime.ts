import { RemovalPolicy } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Alias, type AliasProps, type Function as CdkFunction } from "aws-cdk-lib/aws-lambda";
import { use, type FunctionProps, type StackContext } from "sst/constructs";
import { customDomains } from "./domains.ts";
import { Email } from "./email.ts";
import { Files } from "./files.ts";
import { Secrets } from "./secrets.ts";
import { Storage } from "./storage.ts";
import { Vault } from "./vault.ts";
import { fontFiles } from "../packages/core/src/pdf/fonts.ts";

// What every Baton function runs with: the same domain code against the same table. Each
// function's own timeout, memory and concurrency are set where it is made (api.ts, jobs.ts).

// What ElectroDB issues: item reads and writes, queries, batches and transactions. Nothing that
// scans, drops or reconfigures the table (SST's `bind: [table]` would grant `dynamodb:*`).
export const TABLE_ACTIONS = [
  "GetItem",
  "PutItem",
  "UpdateItem",
  "DeleteItem",
  "Query",
  "BatchGetItem",
  "BatchWriteItem",
  "TransactWriteItems",
  "TransactGetItems",
  "ConditionCheckItem",
  "DescribeTable",
].map((action) => `dynamodb:${action}`);

/** The stage's metrics namespace (packages/core/src/metrics): the alarms read the same. */
export const metricsNamespace = (stage: string) => `Baton/${stage}`;

/** Where the invoice PDF's font files sit in a function's package (relative to its root, LAMBDA_TASK_ROOT). */
export const FONTS_DIR = "fonts";

export function runtime(ctx: StackContext, handler: string, options: { sendsEmail?: boolean; files?: boolean } = {}): FunctionProps {
  const { app } = ctx;
  const storage = use(Storage);
  const secrets = use(Secrets);
  const email = use(Email);
  const files = use(Files);
  const vault = use(Vault);
  const domains = customDomains();
  const sendsEmail = options.sendsEmail ?? true;
  const usesFiles = options.files ?? true;
  return {
    handler,
    environment: {
      BATON_EMAIL_FROM: secrets.EMAIL_FROM.value,
      BATON_SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      BATON_METRICS_NAMESPACE: metricsNamespace(app.stage),
      BATON_LOG_LEVEL: "info",
      // The client vault's KMS key (infra/vault.ts): every function that may open a secret or seal one.
      BATON_VAULT_KMS_KEY: vault.key.keyArn,
      // Invoice PDFs read their fonts from files beside the bundle (a bundle has no node_modules).
      ...(sendsEmail && { BATON_FONTS_DIR: FONTS_DIR }),
      ...(usesFiles && { BATON_BUCKET_NAME: files.bucket.bucketName }),
      // Without custom domains the sites' URLs reach the functions through the bindings added
      // in infra/sites.ts instead (SST's StaticSite.<name>.url, read from SSM at cold start).
      ...(domains.web && { BATON_WEB_URL: `https://${domains.web}` }),
      ...(domains.portal && { BATON_PORTAL_URL: `https://${domains.portal}` }),
      // The agency an own-domain portal shows before sign-in (README: "The agency's brand").
      ...(process.env.BATON_PORTAL_AGENCY && { BATON_PORTAL_AGENCY: process.env.BATON_PORTAL_AGENCY }),
    },
    // The table's name comes from a parameter (storage.ts), so a restored table is swapped in
    // by a deploy setting, not a code change.
    bind: [storage.TABLE_NAME, secrets.EMAIL_FROM, ...(sendsEmail ? [secrets.SESSION_SECRET, ...secrets.stripe] : [])],
    permissions: [
      new PolicyStatement({ actions: TABLE_ACTIONS, resources: [storage.active.arn, `${storage.active.arn}/index/*`] }),
      ...(sendsEmail ? [email.sendEmail()] : []),
      // Objects only (presigned uploads and downloads, the confirm's checks, the retention job).
      ...(usesFiles ? [files.objectAccess()] : []),
      // The vault's key: data keys made, wrapped and unwrapped, nothing else (infra/vault.ts).
      vault.keyAccess(),
    ],
    // The invoice PDF's fonts (a few hundred KB), read only when a PDF is made: not in the bundle's code.
    ...(sendsEmail && { copyFiles: fontFiles().map(({ pkg, file }) => ({ from: `node_modules/${pkg}/files/${file}`, to: `${FONTS_DIR}/${file}` })) }),
    // Every deploy publishes a version and older ones are kept, so the alias can be moved back.
    currentVersionOptions: { removalPolicy: RemovalPolicy.RETAIN },
  };
}

/**
 * The `live` alias every trigger invokes (the HTTP API, the schedule, the queue, SNS): a deploy
 * moves it to the new version; a rollback moves it back without a deploy (README, "Roll back").
 */
export function live(fn: CdkFunction, props: Omit<AliasProps, "aliasName" | "version"> = {}): Alias {
  return new Alias(fn, "Live", { aliasName: "live", version: fn.currentVersion, ...props });
}
