import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import {
  Api as HttpApi,
  Cron,
  Function as LambdaFunction,
  use,
  type FunctionProps,
  type StackContext,
  type Table,
} from "sst/constructs";
import { customDomains } from "./domains.ts";
import { Email } from "./email.ts";
import { Secrets } from "./secrets.ts";
import { Storage } from "./storage.ts";
import { Files } from "./files.ts";

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

const tableAccess = (table: Table) =>
  new PolicyStatement({
    actions: TABLE_ACTIONS,
    resources: [table.tableArn, `${table.tableArn}/index/*`],
  });

export function Api({ stack }: StackContext) {
  const { table } = use(Storage);
  const secrets = use(Secrets);
  const email = use(Email);
  const files = use(Files);
  const domains = customDomains();

  // Shared by the API and the jobs: both run the same domain code against the same table.
  const runtime = (handler: string): FunctionProps => ({
    handler,
    environment: {
      BATON_TABLE_NAME: table.tableName,
      BATON_EMAIL_FROM: secrets.EMAIL_FROM.value,
      BATON_SES_CONFIGURATION_SET: email.configurationSet.configurationSetName,
      BATON_BUCKET_NAME: files.bucket.bucketName,
      // Without custom domains the sites' URLs reach the functions through the bindings added
      // in infra/sites.ts instead (SST's StaticSite.<name>.url, read from SSM at cold start).
      ...(domains.web && { BATON_WEB_URL: `https://${domains.web}` }),
      ...(domains.portal && { BATON_PORTAL_URL: `https://${domains.portal}` }),
    },
    bind: [secrets.SESSION_SECRET, secrets.EMAIL_FROM, ...secrets.stripe],
    permissions: [tableAccess(table), email.sendEmail(), files.objectAccess()],
  });

  // One function for both routes: two route handlers would mean two Lambdas and two cold starts.
  const handler = new LambdaFunction(
    stack,
    "ApiHandler",
    runtime("packages/functions/src/api/lambda.handler"),
  );
  const api = new HttpApi(stack, "Api", {
    // The apps reach the API same-origin through CloudFront, so no browser origin needs CORS.
    cors: false,
    routes: {
      "ANY /api": handler,
      "ANY /api/{proxy+}": handler,
    },
  });

  const cron = new Cron(stack, "Scheduled", {
    schedule: "rate(15 minutes)",
    job: { function: runtime("packages/functions/src/jobs/scheduled.handler") },
  });

  // Emails about new messages wait a few minutes to batch; this sends the ones that are due.
  const notifications = new Cron(stack, "Notifications", {
    schedule: "rate(1 minute)",
    job: { function: runtime("packages/functions/src/jobs/notifications.handler") },
  });

  stack.addOutputs({ ApiUrl: api.url });
  return { api, url: api.url, functions: [handler, cron.jobFunction, notifications.jobFunction] };
}
