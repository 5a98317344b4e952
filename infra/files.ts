import { Duration, RemovalPolicy } from "aws-cdk-lib/core";
import { PolicyStatement } from "aws-cdk-lib/aws-iam";
import { BlockPublicAccess, BucketEncryption, ObjectOwnership } from "aws-cdk-lib/aws-s3";
import { Bucket, type BucketCorsRule, type StackContext } from "sst/constructs";
import { customDomains } from "./domains.ts";

// The agency's files: one private bucket. Browsers upload to it and download from it directly,
// through presigned URLs the API issues (packages/core/src/file), so nothing here is public.

/** What the functions may do, and only to objects: put (and multipart), get (and head), delete. */
export const OBJECT_ACTIONS = ["s3:PutObject", "s3:GetObject", "s3:DeleteObject", "s3:AbortMultipartUpload"];

/** Objects a deleted file left behind (noncurrent versions) are kept this long, then removed. */
export const NONCURRENT_DAYS = 30;

/** The CORS rule for the sites' origins: uploads (POST, part PUTs exposing ETag) and reads. */
export function filesCors(origins: string[]): BucketCorsRule {
  return { allowedOrigins: origins, allowedMethods: ["GET", "HEAD", "POST", "PUT"], allowedHeaders: ["*"], exposedHeaders: ["ETag"], maxAge: "50 minutes" };
}

export function Files({ stack, app }: StackContext) {
  const domains = customDomains();
  // With custom domains the sites' origins are known now. Otherwise CloudFront names them only
  // once the Sites stack exists, and that stack sets the CORS rule (infra/sites.ts).
  const origins = [domains.web, domains.portal].filter((domain): domain is string => Boolean(domain)).map((domain) => `https://${domain}`);
  const prod = app.stage === "prod";
  const bucket = new Bucket(stack, "Files", {
    // SST's default would be every origin; set it, or none until the Sites stack does.
    cors: origins.length ? [filesCors(origins)] : false,
    blockPublicACLs: true,
    cdk: {
      bucket: {
        blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
        objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
        encryption: BucketEncryption.S3_MANAGED,
        enforceSSL: true,
        // Deleting a file (the retention job) leaves a noncurrent version, removed after NONCURRENT_DAYS.
        versioned: true,
        lifecycleRules: [
          { id: "abort-incomplete-uploads", abortIncompleteMultipartUploadAfter: Duration.days(1) },
          { id: "remove-deleted-files", noncurrentVersionExpiration: Duration.days(NONCURRENT_DAYS), expiredObjectDeleteMarker: true },
        ],
        // Production files outlive the stack; preview stages clean up after themselves.
        removalPolicy: prod ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        autoDeleteObjects: !prod,
      },
    },
  });

  // Not `bind`: SST would grant s3:* on the bucket itself. Objects only, listed actions only.
  const objectAccess = () => new PolicyStatement({ actions: OBJECT_ACTIONS, resources: [`${bucket.bucketArn}/*`] });

  stack.addOutputs({ FilesBucket: bucket.bucketName });
  return { bucket, objectAccess, corsSet: origins.length > 0 };
}
