import { readFileSync } from "node:fs";
import { isIP } from "node:net";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import type { LocalFile } from "./local-files.ts";
import { decodeManifest, emptyManifest, MANIFEST_NAME, type Manifest } from "./manifest.ts";

/** Where the site goes: an S3-compatible endpoint, a bucket, a folder in it, and the keys. */
export interface BucketOptions {
  endpoint: string;
  bucket: string;
  /** Folder in the bucket, `""` for its root; a trailing `/` is added when missing. */
  prefix?: string;
  /** The signing region; {@link defaultRegion} of the endpoint when absent. */
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Address the bucket as `endpoint/bucket/key` (MinIO, s3rver); the default for an IP address or localhost. */
  pathStyle?: boolean;
}

/** The bucket as the deploy uses it: the manifest, one object at a time, and a listing. */
export interface Bucket {
  /** Fails with the service's error when the bucket does not exist or the keys are wrong (a listing, whose answer has a body to say which). */
  check(): Promise<void>;
  /** The manifest, or `undefined` when the bucket has none yet. */
  readManifest(): Promise<Manifest | undefined>;
  writeManifest(body: Buffer, signal?: AbortSignal): Promise<void>;
  upload(file: LocalFile, signal?: AbortSignal): Promise<void>;
  remove(path: string, signal?: AbortSignal): Promise<void>;
  /** Every path under the prefix but the manifest's. */
  listPaths(): Promise<string[]>;
  close(): void;
}

/**
 * The signing region an endpoint's own name gives: `oss-cn-hangzhou` for Alibaba OSS
 * (`oss-cn-hangzhou.aliyuncs.com`), `ap-guangzhou` for Tencent COS (`cos.ap-guangzhou.myqcloud.com`),
 * `cn-north-4` for Huawei OBS (`obs.cn-north-4.myhuaweicloud.com`); `us-east-1` (MinIO's) otherwise.
 */
export function defaultRegion(endpoint: string): string {
  const host = new URL(endpoint).hostname;
  const region =
    host.match(/(?:^|\.)(oss-[a-z0-9-]+?)(?:-internal)?\.aliyuncs\.com$/)?.[1] ??
    host.match(/(?:^|\.)cos\.([a-z0-9-]+)\.myqcloud\.com$/)?.[1] ??
    host.match(/(?:^|\.)obs\.([a-z0-9-]+)\.myhuaweicloud\.com$/)?.[1];
  return region ?? "us-east-1";
}

/** The prefix as keys start with it: `""`, or a folder ending in `/`. */
export function normalizePrefix(prefix = ""): string {
  const trimmed = prefix.replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

const isNotFound = (error: unknown) => {
  const name = (error as { name?: string }).name;
  return name === "NoSuchKey" || name === "NotFound";
};

/**
 * Opens a bucket with the AWS SDK's S3 client. Checksums are sent only where the S3 API requires
 * them: the SDK's default (a CRC32 trailer on every upload) is not understood by several S3-compatible
 * services and servers.
 */
export function openBucket(options: BucketOptions): Bucket {
  const host = new URL(options.endpoint).hostname;
  const client = new S3Client({
    endpoint: options.endpoint,
    region: options.region ?? defaultRegion(options.endpoint),
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    forcePathStyle: options.pathStyle ?? (isIP(host.replace(/^\[|\]$/g, "")) !== 0 || host === "localhost"),
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
    maxAttempts: 3,
  });
  const Bucket = options.bucket;
  const prefix = normalizePrefix(options.prefix);
  const manifestKey = `${prefix}${MANIFEST_NAME}`;
  return {
    async check() {
      await client.send(new ListObjectsCommand({ Bucket, Prefix: prefix, MaxKeys: 1 }));
    },
    async readManifest() {
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket, Key: manifestKey }));
        const body = await answer.Body?.transformToByteArray();
        return body ? decodeManifest(body) : emptyManifest();
      } catch (error) {
        if (isNotFound(error)) return undefined;
        throw error;
      }
    },
    async writeManifest(body, signal) {
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: manifestKey,
          Body: body,
          ContentType: "application/gzip",
          CacheControl: "no-store",
        }),
        { abortSignal: signal },
      );
    },
    async upload(file, signal) {
      const body = readFileSync(file.file);
      await client.send(
        new PutObjectCommand({
          Bucket,
          Key: `${prefix}${file.path}`,
          Body: body,
          ContentLength: body.length,
          ContentType: file.headers.contentType,
          CacheControl: file.headers.cacheControl,
          ContentEncoding: file.headers.contentEncoding,
        }),
        { abortSignal: signal },
      );
    },
    async remove(path, signal) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: `${prefix}${path}` }), { abortSignal: signal });
    },
    // The first listing API, which every S3-compatible service answers (s3rver's version 2 pages
    // with DES-encrypted tokens, which OpenSSL 3 refuses): the next page starts after the last key.
    async listPaths() {
      const paths: string[] = [];
      let Marker: string | undefined;
      do {
        const page = await client.send(new ListObjectsCommand({ Bucket, Prefix: prefix, Marker }));
        const keys = (page.Contents ?? []).map((object) => object.Key ?? "");
        for (const key of keys) if (key !== manifestKey) paths.push(key.slice(prefix.length));
        Marker = page.IsTruncated ? (page.NextMarker ?? keys.at(-1)) : undefined;
      } while (Marker);
      return paths.sort();
    },
    close() {
      client.destroy();
    },
  };
}
