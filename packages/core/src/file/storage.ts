import type { S3Client } from "@aws-sdk/client-s3";
import { Config } from "../config/index.ts";
import { loadOnce } from "../lazy/index.ts";

export type { S3Client } from "@aws-sdk/client-s3";

// The bucket, through the AWS SDK. Locally S3_ENDPOINT points at s3rver (path-style, any
// credentials); the same presigned URLs then reach it from the browser.
// The S3 client and presigners (about 220 KB of the API's bundle, with the second client copy
// @aws-sdk/s3-presigned-post carries) are loaded by the first file call, not at a cold start.
const sdk = loadOnce(() => import("@aws-sdk/client-s3"));
const presigner = loadOnce(() => import("@aws-sdk/s3-request-presigner"));
const presignedPost = loadOnce(() => import("@aws-sdk/s3-presigned-post"));

let s3: { endpoint: string | undefined; client: S3Client } | undefined;

export async function s3Client(): Promise<S3Client> {
  const endpoint = Config.s3Endpoint;
  const { S3Client } = await sdk();
  if (!s3 || s3.endpoint !== endpoint) {
    s3 = {
      endpoint,
      client: new S3Client({
        region: Config.region,
        ...(endpoint ? { endpoint, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } } : {}),
      }),
    };
  }
  return s3.client;
}

const bucket = () => Config.bucketName;

/** A form the browser POSTs the file with: exactly `size` bytes of `contentType` to `key`. */
export async function presignPost(key: string, contentType: string, size: number) {
  const { url, fields } = await (await presignedPost()).createPresignedPost(await s3Client(), {
    Bucket: bucket(),
    Key: key,
    Conditions: [
      ["content-length-range", size, size],
      ["eq", "$Content-Type", contentType],
    ],
    Fields: { "Content-Type": contentType },
    Expires: Config.presignSeconds,
  });
  return { url, fields };
}

export async function startMultipart(key: string, contentType: string): Promise<string> {
  const result = await (await s3Client()).send(new (await sdk()).CreateMultipartUploadCommand({ Bucket: bucket(), Key: key, ContentType: contentType }));
  return result.UploadId!;
}

/** One presigned PUT per part; the browser reads each part's ETag from the response. */
export async function presignParts(key: string, uploadId: string, count: number) {
  const [{ UploadPartCommand }, { getSignedUrl }, client] = await Promise.all([sdk(), presigner(), s3Client()]);
  return Promise.all(
    Array.from({ length: count }, async (_, i) => ({
      number: i + 1,
      url: await getSignedUrl(client, new UploadPartCommand({ Bucket: bucket(), Key: key, UploadId: uploadId, PartNumber: i + 1 }), {
        expiresIn: Config.presignSeconds,
      }),
    })),
  );
}

export async function completeMultipart(key: string, uploadId: string, parts: { number: number; etag: string }[]) {
  const { CompleteMultipartUploadCommand } = await sdk();
  await (await s3Client()).send(
    new CompleteMultipartUploadCommand({
      Bucket: bucket(),
      Key: key,
      UploadId: uploadId,
      MultipartUpload: { Parts: parts.map((part) => ({ PartNumber: part.number, ETag: part.etag })) },
    }),
  );
}

export async function abortMultipart(key: string, uploadId: string) {
  const { AbortMultipartUploadCommand } = await sdk();
  await (await s3Client())
    .send(new AbortMultipartUploadCommand({ Bucket: bucket(), Key: key, UploadId: uploadId }))
    .catch(() => undefined);
}

/** The stored object's size, type and ETag, or null when nothing was uploaded. */
export async function head(key: string): Promise<{ size: number; contentType: string; etag: string } | null> {
  try {
    const result = await (await s3Client()).send(new (await sdk()).HeadObjectCommand({ Bucket: bucket(), Key: key }));
    return { size: result.ContentLength ?? 0, contentType: result.ContentType ?? "", etag: result.ETag ?? "" };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status === 404 || (error as { name?: string }).name === "NotFound") return null;
    throw error;
  }
}

/** The object's first `count` bytes (its magic number and a sample of its text). */
export async function firstBytes(key: string, count = 4096): Promise<Uint8Array> {
  const result = await (await s3Client()).send(new (await sdk()).GetObjectCommand({ Bucket: bucket(), Key: key, Range: `bytes=0-${count - 1}` }));
  const bytes = await result.Body!.transformToByteArray();
  return bytes.subarray(0, count);
}

/** The whole object (small ones only: the agency's logo). */
export async function readAll(key: string): Promise<Uint8Array> {
  const result = await (await s3Client()).send(new (await sdk()).GetObjectCommand({ Bucket: bucket(), Key: key }));
  return result.Body!.transformToByteArray();
}

export async function remove(key: string) {
  await (await s3Client()).send(new (await sdk()).DeleteObjectCommand({ Bucket: bucket(), Key: key }));
}

/** A GET of a few minutes that makes the browser download (or, for safe images, show) the file. */
export async function presignGet(key: string, disposition: string, contentType: string): Promise<string> {
  const [{ GetObjectCommand }, { getSignedUrl }, client] = await Promise.all([sdk(), presigner(), s3Client()]);
  return getSignedUrl(
    client,
    new GetObjectCommand({ Bucket: bucket(), Key: key, ResponseContentDisposition: disposition, ResponseContentType: contentType }),
    { expiresIn: Config.presignSeconds },
  );
}
