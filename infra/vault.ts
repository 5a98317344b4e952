import { RemovalPolicy } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { Key } from "aws-cdk-lib/aws-kms";
import type { StackContext } from "sst/constructs";

// The client vault's key (packages/core/src/vault/keys.ts): one KMS key wrapping each agency's
// data key. Functions get its ARN as BATON_VAULT_KMS_KEY and may only make, wrap and unwrap data
// keys with it: no key administration, no other key.

/** The only KMS actions a function may take, and only on this key. */
export const VAULT_KEY_ACTIONS = ["kms:Encrypt", "kms:Decrypt", "kms:GenerateDataKey"];

export function Vault({ stack, app }: StackContext) {
  const key = new Key(stack, "VaultKey", {
    description: `Baton ${app.stage}: wraps each agency's client-vault data key`,
    enableKeyRotation: true,
    // Losing the key loses every stored secret: production keeps it whatever happens to the stack.
    removalPolicy: app.stage === "prod" ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
  });
  const keyAccess = () => new PolicyStatement({ actions: VAULT_KEY_ACTIONS, resources: [key.keyArn] });
  stack.addOutputs({ VaultKey: key.keyArn });
  return { key, keyAccess };
}
