/** A deploy that stopped: `key` is the English name of what went wrong, `message` one Chinese line. */
export class DeployError extends Error {
  readonly key: string;
  constructor(key: string, message: string) {
    super(message);
    this.name = "DeployError";
    this.key = key;
  }
}

/** Node's and the HTTP client's codes for a connection that failed or broke off. */
const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "TimeoutError",
  "RequestTimeout",
]);

const KEY_ERRORS = new Set(["InvalidAccessKeyId", "SignatureDoesNotMatch", "InvalidSecurity", "InvalidToken"]);

interface SdkError {
  name?: string;
  code?: string;
  Code?: string;
  message?: string;
  cause?: { code?: string };
  $metadata?: { httpStatusCode?: number };
}

/** Where the deploy was when a request failed: which bucket, and how far the uploads had gone. */
export interface FailureContext {
  endpoint: string;
  bucket: string;
  /** Uploads done and planned when it failed; absent before the first upload. */
  progress?: { done: number; total: number };
}

/**
 * The English key of an S3 client error: the service's error code (`NoSuchBucket`,
 * `InvalidAccessKeyId`), a network code (`ECONNREFUSED`), or the HTTP status of a body-less answer.
 */
export function errorKey(error: unknown): string {
  const sdk = (error ?? {}) as SdkError;
  const network = [sdk.code, sdk.cause?.code, sdk.name].find((code) => code && NETWORK_CODES.has(code));
  if (network) return network;
  const status = sdk.$metadata?.httpStatusCode;
  if (sdk.name === "NotFound" || (status === 404 && !sdk.Code)) return "NoSuchBucket";
  if (sdk.name === "Forbidden" || (status === 403 && !sdk.Code)) return "AccessDenied";
  return sdk.Code ?? sdk.name ?? "Error";
}

/** What is true of the bucket after a failure: untouched, or complete up to the last page uploaded. */
function bucketState(context: FailureContext): string {
  if (!context.progress) return "存储桶没有任何改动";
  const { done, total } = context.progress;
  return `已上传 ${done}/${total} 个文件，按依赖顺序上传，网站仍然完整（新页面可能还没上去）；再运行一次 npm run deploy 会接着完成`;
}

/** Turns an S3 client error into a {@link DeployError}: one Chinese line with its English key. */
export function describeFailure(error: unknown, context: FailureContext): DeployError {
  if (error instanceof DeployError) return error;
  const key = errorKey(error);
  const state = bucketState(context);
  if (key === "NoSuchBucket")
    return new DeployError(
      key,
      `存储桶「${context.bucket}」在 ${context.endpoint} 上不存在，请检查 --bucket 和 --endpoint；${state}`,
    );
  if (KEY_ERRORS.has(key))
    return new DeployError(key, `访问密钥不对，请检查 DEPLOY_ACCESS_KEY_ID 和 DEPLOY_SECRET_ACCESS_KEY；${state}`);
  if (key === "AccessDenied")
    return new DeployError(key, `这对访问密钥没有读写存储桶「${context.bucket}」的权限；${state}`);
  if (key === "AbortError") return new DeployError(key, `部署被中断；${state}`);
  if (NETWORK_CODES.has(key)) return new DeployError(key, `连不上 ${context.endpoint}（网络错误）；${state}`);
  const detail = (error as SdkError | undefined)?.message ?? String(error);
  return new DeployError(key, `对象存储返回错误「${detail}」；${state}`);
}
