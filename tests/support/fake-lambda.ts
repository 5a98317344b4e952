import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// There is no local Lambda: like SQS and Stripe, its Invoke API is faked at the HTTP level, as the
// real @aws-sdk/client-lambda calls it (POST /2015-03-31/functions/<name>/invocations). It records
// every invocation it accepts; `refuseAfter(n)` makes it accept n more, then refuse the rest.

export type Invocation = { functionName: string; invocationType: string; event: unknown };
export type FakeLambda = {
  endpoint: string;
  accepted: Invocation[];
  refused: Invocation[];
  refuseAfter(count: number): void;
  close(): Promise<void>;
};

export async function startFakeLambda(): Promise<FakeLambda> {
  const accepted: Invocation[] = [];
  const refused: Invocation[] = [];
  let acceptLeft = Infinity;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const path = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/.exec(req.url ?? "");
      if (req.method !== "POST" || !path) {
        res.writeHead(404, { "content-type": "application/json", "x-amzn-errortype": "ResourceNotFoundException" });
        res.end(JSON.stringify({ Type: "User", message: `no such operation: ${req.method} ${req.url}` }));
        return;
      }
      const invocation = { functionName: decodeURIComponent(path[1]!), invocationType: String(req.headers["x-amz-invocation-type"]), event: JSON.parse(body) };
      if (acceptLeft <= 0) {
        refused.push(invocation);
        // A client error: the SDK does not retry it.
        res.writeHead(400, { "content-type": "application/json", "x-amzn-errortype": "InvalidRequestContentException" });
        res.end(JSON.stringify({ Type: "User", message: "refused by the test" }));
        return;
      }
      acceptLeft--;
      accepted.push(invocation);
      // An asynchronous invocation is queued and answered at once, with no payload.
      res.writeHead(202);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    accepted,
    refused,
    refuseAfter: (count) => void (acceptLeft = count),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
