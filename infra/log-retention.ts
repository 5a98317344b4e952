import { CfnResource, RemovalPolicy, Stack, type IAspect } from "aws-cdk-lib/core";
import { CfnFunction } from "aws-cdk-lib/aws-lambda";
import { CfnLogGroup } from "aws-cdk-lib/aws-logs";
import type { IConstruct } from "constructs";

// Every log group of the app keeps its lines for a set time, never forever: a function's own log
// group (Lambda would otherwise create /aws/lambda/<name> without a retention on first run) is
// made here with the retention and named in the function's LoggingConfig; log groups a construct
// makes (the API's access log) get the retention if they have none. Applied to the whole app as an
// aspect, so the functions CDK and SST add for their own custom resources are covered too.

const ALLOWED = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** Days to keep logs: BATON_LOG_RETENTION_DAYS, else 90 in prod and 14 elsewhere. */
export function logRetentionDays(stage: string): number {
  const days = Number(process.env.BATON_LOG_RETENTION_DAYS || (stage === "prod" ? 90 : 14));
  if (!ALLOWED.includes(days)) throw new Error(`BATON_LOG_RETENTION_DAYS must be one of CloudWatch's values: ${ALLOWED.join(", ")}`);
  return days;
}

export class LogRetention implements IAspect {
  private readonly done = new WeakSet<IConstruct>();
  /** In prod a removed function's logs stay (until their retention ends); elsewhere they go with it. */
  constructor(
    private readonly days: number,
    private readonly removal: RemovalPolicy,
  ) {}

  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup) {
      // An explicit retention (INFINITE is "no value") is replaced by the app's.
      node.retentionInDays = this.days;
      return;
    }
    if (this.done.has(node)) return;
    this.done.add(node);
    if (node instanceof CfnFunction) {
      const config = (node.loggingConfig ?? {}) as CfnFunction.LoggingConfigProperty;
      if (config.logGroup) return;
      node.loggingConfig = { ...config, logGroup: this.logGroupFor(node).ref };
      return;
    }
    // CDK's own custom-resource providers are plain CfnResources of the Lambda type.
    if (node instanceof CfnResource && node.cfnResourceType === "AWS::Lambda::Function") {
      node.addPropertyOverride("LoggingConfig.LogGroup", this.logGroupFor(node).ref);
    }
  }

  private logGroupFor(fn: CfnResource): CfnLogGroup {
    const scope = fn.node.scope ?? Stack.of(fn);
    const logGroup = new CfnLogGroup(scope, `${fn.node.id}Logs`, { retentionInDays: this.days });
    logGroup.applyRemovalPolicy(this.removal);
    return logGroup;
  }
}
