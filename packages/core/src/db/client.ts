import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { Config } from "../config/index.ts";

// Locally the endpoint points at DynamoDB Local, which accepts any credentials.
export function createDynamoClient() {
  const endpoint = Config.dynamoEndpoint;
  return new DynamoDBClient({
    region: Config.region,
    ...(endpoint
      ? { endpoint, credentials: { accessKeyId: "local", secretAccessKey: "local" } }
      : {}),
  });
}
