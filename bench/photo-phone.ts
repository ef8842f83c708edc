import type { Browser } from "playwright-core";
import { PHONE, throttleLikeSlow4G } from "./phone.ts";

/*
 * An article with photos opened on a 390-px phone (3×) over Slow 4G with the CPU 4× slower, as
 * `npm run bench -- --photos` measures it: what crossed the wire until the first screen was
 * complete (the load event, then every picture that intersects the screen decoded), and which
 * rendition of the first photo the phone chose.
 */

/** What a phone downloaded to show an article's first screen. */
export interface FoldSample {
  url: string;
  /** Bytes received (headers and bodies) for the requests finished when the first screen was complete. */
  bytesToFold: number;
  requestsToFold: number;
  /** Milliseconds from navigation to the first screen complete. */
  foldMs: number;
  /** The first photo's rendition (its address) and bytes. */
  firstPhoto: { url: string; bytes: number };
  /** Every photo file fetched by then, with its bytes. */
  photos: { url: string; bytes: number }[];
}

/** Opens `url` on a throttled phone in `browser` and measures its first screen. */
export async function measureFold(browser: Browser, url: string): Promise<FoldSample> {
  const context = await browser.newContext({ ...PHONE, locale: "zh-CN" });
  const page = await context.newPage();
  await throttleLikeSlow4G(await context.newCDPSession(page));
  const finished: Promise<{ url: string; bytes: number }>[] = [];
  context.on("requestfinished", (request) => {
    finished.push(
      request.sizes().then(
        (sizes) => ({
          url: decodeURIComponent(new URL(request.url()).pathname),
          bytes: sizes.responseBodySize + sizes.responseHeadersSize,
        }),
        () => ({ url: request.url(), bytes: 0 }),
      ),
    );
  });
  const start = Date.now();
  await page.goto(url, { waitUntil: "load", timeout: 180_000 });
  await page.waitForFunction(
    () =>
      [...document.images]
        .filter((img) => {
          const box = img.getBoundingClientRect();
          return box.bottom > 0 && box.top < innerHeight && box.width > 0;
        })
        .every((img) => img.complete && img.naturalWidth > 0),
    undefined,
    { timeout: 180_000 },
  );
  const foldMs = Date.now() - start;
  const first = await page.evaluate(() => {
    const img = document.querySelector<HTMLImageElement>(".article-body img");
    return img ? decodeURIComponent(new URL(img.currentSrc).pathname) : "";
  });
  const fetched = await Promise.all(finished.splice(0));
  await context.close();
  const photos = fetched.filter((entry) => entry.url.startsWith("/files/"));
  return {
    url: new URL(url).pathname,
    bytesToFold: fetched.reduce((sum, entry) => sum + entry.bytes, 0),
    requestsToFold: fetched.length,
    foldMs,
    firstPhoto: photos.find((entry) => entry.url === first) ?? { url: first, bytes: 0 },
    photos,
  };
}
