import type { SSTConfig } from "sst";
import { Aspects, RemovalPolicy } from "aws-cdk-lib/core";
import { Storage } from "./infra/storage.ts";
import { Files } from "./infra/files.ts";
import { Vault } from "./infra/vault.ts";
import { Secrets } from "./infra/secrets.ts";
import { Email } from "./infra/email.ts";
import { Api } from "./infra/api.ts";
import { Jobs } from "./infra/jobs.ts";
import { Sites } from "./infra/sites.ts";
import { Monitoring } from "./infra/monitoring.ts";
import { LogRetention, logRetentionDays } from "./infra/log-retention.ts";
import { nodejsBundling } from "./infra/bundle.ts";

export default {
  config() {
    return { name: "baton", region: process.env.AWS_REGION ?? "us-east-1" };
  },
  stacks(app) {
    app.setDefaultFunctionProps({
      runtime: "nodejs22.x",
      architecture: "arm_64",
      memorySize: 512,
      timeout: 10,
      // ESM because sst/node/config loads secrets with top-level await. SST's ESM bundle already
      // defines `require` via createRequire for CJS deps, so no extra banner: a second `const
      // require` would be a SyntaxError at cold start.
      // Minified (names kept, for readable stack traces) and split: a cold start loads only the
      // code a typical call needs; the rest is in chunks loaded on first use (infra/bundle.ts).
      nodejs: nodejsBundling,
    });
    app.stack(Storage).stack(Files).stack(Vault).stack(Secrets).stack(Email).stack(Api).stack(Jobs).stack(Sites).stack(Monitoring);
    // Every log group of every stack keeps its lines for a set time (infra/log-retention.ts).
    Aspects.of(app).add(new LogRetention(logRetentionDays(app.stage), app.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY));
  },
} satisfies SSTConfig;
