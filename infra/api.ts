import { Api as HttpApi, Function as LambdaFunction, use, type StackContext } from "sst/constructs";
import { ORIGIN_HEADER } from "../packages/functions/src/api/app-headers.ts";
import { live, runtime } from "./runtime.ts";
import { Secrets } from "./secrets.ts";
import { signupMode } from "./signup.ts";

export { TABLE_ACTIONS } from "./runtime.ts";

/** Requests per second the API's stage lets through (steady, burst) before answering 429. */
export const API_THROTTLE = {
  rate: Number(process.env.BATON_API_RATE_LIMIT || 50),
  burst: Number(process.env.BATON_API_BURST_LIMIT || 100),
};

export function Api(ctx: StackContext) {
  const { stack } = ctx;
  const secrets = use(Secrets);

  // Work a request starts but must not wait for (a sign-in link's lookup and email): the API
  // invokes this function asynchronously (packages/functions/src/worker-dispatch.ts).
  const worker = new LambdaFunction(stack, "Worker", runtime(ctx, "packages/functions/src/worker.handler"));

  // One function for both routes: two route handlers would mean two Lambdas and two cold starts.
  const api_ = runtime(ctx, "packages/functions/src/api/lambda.handler");
  const handler = new LambdaFunction(stack, "ApiHandler", {
    ...api_,
    environment: {
      ...api_.environment,
      BATON_WORKER_FUNCTION: worker.functionName,
      // Requests must come through CloudFront, which adds this secret (${ORIGIN_HEADER}).
      BATON_ORIGIN_SECRET: secrets.ORIGIN_SECRET.secretValue.unsafeUnwrap(),
      // Who may create an agency: closed unless the deploy sets BATON_SIGNUP (infra/signup.ts).
      BATON_SIGNUP_MODE: signupMode(),
    },
    bind: [...(api_.bind ?? []), ...secrets.signup],
  });
  worker.grantInvoke(handler);
  const handlerLive = live(handler);
  const api = new HttpApi(stack, "Api", {
    // The apps reach the API same-origin through CloudFront, so no browser origin needs CORS.
    cors: false,
    // Every route of the stage: beyond this the stage answers 429 before any Lambda runs (the
    // shield in front of sign-in is the WAF's rate rule, infra/shield.ts).
    defaults: { throttle: { rate: API_THROTTLE.rate, burst: API_THROTTLE.burst } },
    // Access logs with the request id the function logs too (infra/log-retention.ts keeps them).
    accessLog: true,
    routes: {
      "ANY /api": { cdk: { function: handlerLive } },
      "ANY /api/{proxy+}": { cdk: { function: handlerLive } },
    },
  });

  stack.addOutputs({ ApiUrl: api.url, ApiFunction: handler.functionName });
  return { api, url: api.url, handler, handlerLive, worker, functions: [handler, worker] };
}
