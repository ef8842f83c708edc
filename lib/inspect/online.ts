/** Whether one external address answered, and how. */
export interface LinkStatus {
  url: string;
  ok: boolean;
  /** The final HTTP status, when there was one. */
  status?: number;
  /** Why there was no answer, in Chinese (timeout, refused, unknown host…). */
  error?: string;
}

export interface OnlineOptions {
  /** Milliseconds one request may take (default 10 s). */
  timeoutMs?: number;
  /** Requests at once (default 4). */
  concurrency?: number;
}

function describeError(error: unknown, timeoutMs: number): string {
  const name = (error as { name?: string }).name;
  if (name === "TimeoutError" || name === "AbortError") return `${timeoutMs / 1000} 秒内没有响应（超时）`;
  const code = (error as { cause?: { code?: string } }).cause?.code;
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "域名无法解析";
  if (code === "ECONNREFUSED") return "连接被拒绝";
  if (code === "ECONNRESET") return "连接被重置";
  if (code?.startsWith("ERR_TLS") || code?.includes("CERT")) return `证书或 TLS 错误（${code}）`;
  const detail = code ?? (error as { cause?: { message?: string } }).cause?.message;
  return detail ? `无法连接（${detail}）` : "无法连接";
}

async function request(url: string, method: "HEAD" | "GET", timeoutMs: number): Promise<number> {
  const response = await fetch(url, {
    method,
    redirect: "follow",
    signal: AbortSignal.timeout(timeoutMs),
    headers: { "user-agent": "bureau-site-inspect/1 (link check)" },
  });
  await response.body?.cancel().catch(() => undefined);
  return response.status;
}

/**
 * Asks one address with HEAD, and with GET when HEAD is refused or fails otherwise than by a
 * timeout (many servers answer HEAD with 403, 404 or 405); redirects are followed. At most two
 * requests of `timeoutMs` each.
 */
export async function checkUrl(url: string, timeoutMs = 10_000): Promise<LinkStatus> {
  let headError: unknown;
  try {
    const status = await request(url, "HEAD", timeoutMs);
    if (status < 400) return { url, ok: true, status };
  } catch (error) {
    headError = error;
    const name = (error as { name?: string }).name;
    if (name === "TimeoutError" || name === "AbortError")
      return { url, ok: false, error: describeError(error, timeoutMs) };
  }
  try {
    const status = await request(url, "GET", timeoutMs);
    return { url, ok: status < 400, status };
  } catch (error) {
    return { url, ok: false, error: describeError(error ?? headError, timeoutMs) };
  }
}

/** Checks each address once, a few at a time, and returns the outcome by address. */
export async function checkUrls(
  urls: readonly string[],
  options: OnlineOptions = {},
): Promise<Map<string, LinkStatus>> {
  const unique = [...new Set(urls)];
  const results = new Map<string, LinkStatus>();
  let next = 0;
  const worker = async () => {
    while (next < unique.length) {
      const url = unique[next++] as string;
      results.set(url, await checkUrl(url, options.timeoutMs));
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, unique.length) }, worker));
  return results;
}

/** A LinkStatus as the report says it: `HTTP 404`, or the error. */
export function describeStatus(status: LinkStatus): string {
  if (status.error) return status.error;
  return `HTTP ${status.status}`;
}
