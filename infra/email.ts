import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Topic } from "aws-cdk-lib/aws-sns";
import {
  ConfigurationSet,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from "aws-cdk-lib/aws-ses";
import type { StackContext } from "sst/constructs";

export function Email({ stack }: StackContext) {
  const configurationSet = new ConfigurationSet(stack, "Mail", {
    reputationMetrics: true,
    // Keep sending to addresses that bounced or complained from hurting the account's reputation.
    suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
  });
  // Bounces and complaints come back to Baton (infra/jobs.ts subscribes the function that marks
  // the addresses undeliverable), so it stops mailing them long before SES's review thresholds.
  const feedback = new Topic(stack, "Feedback", { displayName: "Baton: SES bounces and complaints" });
  configurationSet.addEventDestination("BouncesAndComplaints", {
    destination: EventDestination.snsTopic(feedback),
    events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
  });
  const configurationSetArn = stack.formatArn({
    service: "ses",
    resource: "configuration-set",
    resourceName: configurationSet.configurationSetName,
  });

  const domain = process.env.BATON_EMAIL_DOMAIN || undefined;
  const identity = domain
    ? new EmailIdentity(stack, "Domain", {
        identity: Identity.domain(domain),
        configurationSet,
      })
    : undefined;
  if (identity) {
    // DKIM CNAMEs to create at the DNS provider; SES verifies the domain once they resolve.
    stack.addOutputs({
      Dkim1: `${identity.dkimDnsTokenName1} CNAME ${identity.dkimDnsTokenValue1}`,
      Dkim2: `${identity.dkimDnsTokenName2} CNAME ${identity.dkimDnsTokenValue2}`,
      Dkim3: `${identity.dkimDnsTokenName3} CNAME ${identity.dkimDnsTokenValue3}`,
    });
  }

  // With a domain we can name the one identity allowed to send. Without one, the sender is an
  // address verified by hand in the SES console, which CDK cannot know, so the grant is limited
  // to SES identities of this account and region rather than to a single one.
  const identityArns = identity
    ? [identity.emailIdentityArn]
    : [stack.formatArn({ service: "ses", resource: "identity", resourceName: "*" })];

  const sendEmail = () =>
    new PolicyStatement({
      actions: ["ses:SendEmail", "ses:SendRawEmail"],
      resources: [...identityArns, configurationSetArn],
    });

  return { configurationSet, sendEmail, feedback };
}
