import { createHash } from "node:crypto";
import { GetObjectCommand, HeadObjectCommand, ListObjectsCommand, S3Client } from "@aws-sdk/client-s3";
import { S3RVER_KEYS } from "../../harness/s3-server.ts";

// The lockfile pins an SDK release that supports Node 20; its notice about later releases is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** A plain S3 client on the test server, to look at a bucket the way a reader's CDN would. */
export function testClient(endpoint: string): S3Client {
  return new S3Client({
    endpoint,
    region: "us-east-1",
    credentials: S3RVER_KEYS,
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
}

/** The SHA-256 of every object of a bucket by key, the deploy's manifest included; with `only`, of those keys alone. */
export async function bucketHashes(
  client: S3Client,
  bucket: string,
  only?: ReadonlySet<string>,
): Promise<Map<string, string>> {
  const keys: string[] = [];
  let Marker: string | undefined;
  do {
    const page = await client.send(new ListObjectsCommand({ Bucket: bucket, Marker }));
    const listed = (page.Contents ?? []).map((object) => object.Key ?? "");
    keys.push(...listed);
    Marker = page.IsTruncated ? (page.NextMarker ?? listed.at(-1)) : undefined;
  } while (Marker);
  const hashes = new Map<string, string>();
  for (const key of keys.sort().filter((listed) => !only || only.has(listed))) {
    const object = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    const body = await object.Body?.transformToByteArray();
    hashes.set(
      key,
      createHash("sha256")
        .update(body ?? new Uint8Array())
        .digest("hex"),
    );
  }
  return hashes;
}

/** The metadata an object is served with. */
export async function objectMetadata(client: S3Client, bucket: string, key: string) {
  const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
  return { contentType: head.ContentType, cacheControl: head.CacheControl, contentEncoding: head.ContentEncoding };
}
