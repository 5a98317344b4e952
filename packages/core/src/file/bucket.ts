import { CreateBucketCommand, HeadBucketCommand, PutBucketCorsCommand, S3Client } from "@aws-sdk/client-s3";

// The local runtime's and the tests' bucket on the S3 stand-in (s3rver): created if missing,
// with CORS for the apps' origins so browsers can upload to it and read from it directly. On
// AWS the bucket and its CORS come from infra/files.ts instead.

export const FILE_CORS = {
  methods: ["GET", "HEAD", "POST", "PUT"],
  /** The browser reads each part's ETag to finish a multipart upload. */
  exposeHeaders: ["ETag"],
  maxAgeSeconds: 3000,
};

export async function ensureLocalBucket(endpoint: string, bucket: string, origins: string[]): Promise<void> {
  const s3 = new S3Client({ endpoint, region: "us-east-1", forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
  try {
    await s3.send(new HeadBucketCommand({ Bucket: bucket }));
  } catch {
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  }
  await s3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [{ AllowedOrigins: origins, AllowedMethods: FILE_CORS.methods, AllowedHeaders: ["*"], ExposeHeaders: FILE_CORS.exposeHeaders, MaxAgeSeconds: FILE_CORS.maxAgeSeconds }],
      },
    }),
  );
  s3.destroy();
}
