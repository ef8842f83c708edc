import { gunzipSync, gzipSync } from "node:zlib";

/** The name of the manifest object, under the deploy's prefix. */
export const MANIFEST_NAME = ".deploy-manifest.json.gz";

/** A file the manifest no longer serves but keeps in the bucket for a while, and since when. */
export interface RetiredObject {
  digest: string | null;
  since: string;
}

/**
 * What the bucket holds, as the last deploy left it: each object's digest (its bytes and headers,
 * `objectDigest`) by path under the prefix. `null` is an object a deploy started to write and did
 * not confirm (it was killed or lost the network): the next deploy uploads it again. `retired`
 * holds files gone from the build that are kept for readers with an older page open.
 */
export interface Manifest {
  version: 1;
  objects: Record<string, string | null>;
  retired: Record<string, RetiredObject>;
}

/** A manifest of an empty bucket. */
export function emptyManifest(): Manifest {
  return { version: 1, objects: {}, retired: {} };
}

/** The manifest as it is stored: JSON, keys sorted (the same state, the same bytes), gzipped. */
export function encodeManifest(manifest: Manifest): Buffer {
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, record[key]]),
    );
  const json = JSON.stringify({ version: 1, objects: sorted(manifest.objects), retired: sorted(manifest.retired) });
  return gzipSync(json, { level: 9 });
}

/** Reads a stored manifest back; throws with a Chinese message when it is not one this deploy wrote. */
export function decodeManifest(body: Uint8Array): Manifest {
  let parsed: Partial<Manifest>;
  try {
    parsed = JSON.parse(gunzipSync(body).toString("utf8")) as Partial<Manifest>;
  } catch {
    throw new Error(`${MANIFEST_NAME}: 不是本工具写的部署清单，无法读取（删除这个对象后再部署，会重新上传全部文件）`);
  }
  if (parsed.version !== 1 || typeof parsed.objects !== "object" || parsed.objects === null)
    throw new Error(`${MANIFEST_NAME}: version: 部署清单的版本不认识（删除这个对象后再部署，会重新上传全部文件）`);
  return { version: 1, objects: parsed.objects, retired: parsed.retired ?? {} };
}
