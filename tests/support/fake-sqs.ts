import { createHash, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// There is no local SQS: like Stripe, it is faked at the HTTP level, speaking the JSON protocol
// the real @aws-sdk/client-sqs uses (x-amz-target AmazonSQS.<Operation>), including the MD5 of
// each body, which the SDK checks. It records every SendMessageBatch call; `refuse` makes it
// answer one entry of the next call as Failed.

export type FakeSqs = {
  queueUrl: string;
  batches: { Id: string; MessageBody: string }[][];
  refuseNext(): void;
  close(): Promise<void>;
};

export async function startFakeSqs(): Promise<FakeSqs> {
  const batches: { Id: string; MessageBody: string }[][] = [];
  let refuse = false;
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const target = req.headers["x-amz-target"];
      if (target !== "AmazonSQS.SendMessageBatch") {
        res.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
        res.end(JSON.stringify({ __type: "com.amazonaws.sqs#UnsupportedOperation", message: String(target) }));
        return;
      }
      const { Entries } = JSON.parse(body) as { Entries: { Id: string; MessageBody: string }[] };
      batches.push(Entries);
      const failed = refuse ? Entries.slice(0, 1) : [];
      refuse = false;
      const md5 = (text: string) => createHash("md5").update(text).digest("hex");
      res.writeHead(200, { "content-type": "application/x-amz-json-1.0" });
      res.end(
        JSON.stringify({
          Successful: Entries.filter((e) => !failed.includes(e)).map((e) => ({ Id: e.Id, MessageId: randomUUID(), MD5OfMessageBody: md5(e.MessageBody) })),
          Failed: failed.map((e) => ({ Id: e.Id, Code: "InternalError", SenderFault: false, Message: "refused by the test" })),
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    queueUrl: `http://127.0.0.1:${port}/123456789012/baton-jobs`,
    batches,
    refuseNext: () => void (refuse = true),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
