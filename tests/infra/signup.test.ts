import { beforeAll, describe, expect, it } from "vitest";
import type { Template } from "aws-cdk-lib/assertions";
import { Api } from "../../infra/api.ts";
import { signupMode } from "../../infra/signup.ts";
import { only, synth, SYNTH_TIMEOUT } from "./synth.ts";

// Sign-up by invite code (BATON_SIGNUP=invite): the API gets the mode and the SIGNUP_INVITE_CODE
// secret, read from SSM at cold start, never written into the template. tests/infra/api.test.ts
// checks the default (closed, nothing bound).

const API_HANDLER = "packages/functions/src/api/lambda.handler";
const WORKER = "packages/functions/src/worker.handler";

let api: Template;
beforeAll(async () => {
  const app = await synth("signup", { BATON_SIGNUP: "invite" });
  api = app.template(Api);
}, SYNTH_TIMEOUT);

const vars = (handler: string) => only(api, "AWS::Lambda::Function", { Handler: handler }).Properties.Environment.Variables;

describe("a stage deployed with BATON_SIGNUP=invite", () => {
  it("tells the API its mode and binds the invite code to it alone, from SSM", () => {
    expect(vars(API_HANDLER).BATON_SIGNUP_MODE).toBe("invite");
    expect(vars(API_HANDLER).SST_Secret_value_SIGNUP_INVITE_CODE).toBe("__FETCH_FROM_SSM__");
    expect(vars(WORKER).SST_Secret_value_SIGNUP_INVITE_CODE).toBeUndefined();
    expect(JSON.stringify(api.toJSON())).not.toMatch(/SIGNUP_INVITE_CODE[^"]*"\s*:\s*"(?!__FETCH_FROM_SSM__)/);
  });
});

describe("the mode setting", () => {
  it("is closed unless set, and refuses a value it doesn't know", () => {
    expect(signupMode({})).toBe("closed");
    expect(signupMode({ BATON_SIGNUP: " open " })).toBe("open");
    expect(() => signupMode({ BATON_SIGNUP: "opne" })).toThrow(/use open, invite or closed/);
  });
});
