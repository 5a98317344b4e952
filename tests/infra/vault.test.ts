import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { Api } from "../../infra/api.ts";
import { Jobs } from "../../infra/jobs.ts";
import { Vault, VAULT_KEY_ACTIONS } from "../../infra/vault.ts";
import { exported, only, synth, SYNTH_TIMEOUT } from "./synth.ts";

// The client vault's KMS key, synthesized offline: one key with rotation, named to every function
// as BATON_VAULT_KMS_KEY, and each function allowed only Encrypt, Decrypt and GenerateDataKey on it.

let vault: Template;
let api: Template;
let jobs: Template;
beforeAll(async () => {
  const app = await synth("vault");
  vault = app.template(Vault);
  api = app.template(Api);
  jobs = app.template(Jobs);
}, SYNTH_TIMEOUT);

type Statement = { Action: string | string[]; Resource: unknown; Effect: string };
const key = () => only(vault, "AWS::KMS::Key");

describe("the vault key", () => {
  it("is one symmetric key with yearly rotation", () => {
    expect(key().Properties).toMatchObject({ EnableKeyRotation: true });
    expect(key().Properties.KeySpec ?? "SYMMETRIC_DEFAULT").toBe("SYMMETRIC_DEFAULT");
    expect(Object.keys(vault.findResources("AWS::KMS::Key"))).toHaveLength(1);
  });

  it("is destroyed with a preview stage (production keeps it: tests/infra/prod.test.ts stage rules)", () => {
    expect(key().DeletionPolicy).toBe("Delete");
    expect((key() as { UpdateReplacePolicy?: string }).UpdateReplacePolicy).toBe("Delete");
  });
});

describe.each([
  ["packages/functions/src/api/lambda.handler", () => api],
  ["packages/functions/src/worker.handler", () => api],
  ["packages/functions/src/jobs/scheduled.handler", () => jobs],
  ["packages/functions/src/jobs/agency.handler", () => jobs],
])("%s", (handler, template) => {
  const fn = () => only(template(), "AWS::Lambda::Function", { Handler: handler });
  const statements = (): Statement[] => {
    const role = fn().Properties.Role["Fn::GetAtt"][0];
    return Object.values(template().findResources("AWS::IAM::Policy"))
      .filter((p) => p.Properties.Roles.some((r: { Ref: string }) => r.Ref === role))
      .flatMap((p) => p.Properties.PolicyDocument.Statement);
  };

  it("knows the key by its ARN as BATON_VAULT_KMS_KEY", () => {
    expect(exported(vault, fn().Properties.Environment.Variables.BATON_VAULT_KMS_KEY)).toEqual({ "Fn::GetAtt": [key().logicalId, "Arn"] });
  });

  it("may only Encrypt, Decrypt and GenerateDataKey, on that key alone", () => {
    const kms = statements().filter((s) => [s.Action].flat().some((a) => a.startsWith("kms:")));
    expect(kms).toHaveLength(1);
    expect(kms[0]!.Effect).toBe("Allow");
    expect([kms[0]!.Action].flat().sort()).toEqual([...VAULT_KEY_ACTIONS].sort());
    const [resource, ...rest] = [kms[0]!.Resource].flat();
    expect(rest).toEqual([]);
    expect(exported(vault, resource)).toEqual({ "Fn::GetAtt": [key().logicalId, "Arn"] });
  });
});

it("grants no function a KMS wildcard anywhere in the app", () => {
  for (const template of [api, jobs]) {
    const all = Object.values(template.findResources("AWS::IAM::Policy")).flatMap((p) => p.Properties.PolicyDocument.Statement as Statement[]);
    for (const statement of all) {
      for (const action of [statement.Action].flat()) expect(action === "kms:*" || action === "*").toBe(false);
    }
  }
});
