import QRCode from "qrcode";

const QUIET_ZONE = 4;
const cache = new Map<string, string>();

/** The dark modules of a QR code as one SVG path: a horizontal run of modules per subpath. */
export function qrPathData(text: string): { d: string; size: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const size = modules.size;
  const parts: string[] = [];
  for (let row = 0; row < size; row++) {
    let column = 0;
    while (column < size) {
      if (!modules.get(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < size && modules.get(row, column)) column++;
      parts.push(`M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${column - start}v1h-${column - start}z`);
    }
  }
  return { d: parts.join(""), size: size + 2 * QUIET_ZONE };
}

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * An inline SVG QR code of `url` with its quiet zone, white background and one `<path>`,
 * labelled for assistive technology. Memoized: each URL is encoded once per process.
 */
export function qrCodeSvg(url: string): string {
  const cached = cache.get(url);
  if (cached !== undefined) return cached;
  const { d, size } = qrPathData(url);
  const label = escapeAttribute(`本页二维码，链接：${url}`);
  const svg =
    `<svg class="qr-code" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" role="img" aria-label="${label}" shape-rendering="crispEdges">` +
    `<rect width="${size}" height="${size}" fill="#fff"/><path fill="#000" d="${d}"/></svg>`;
  cache.set(url, svg);
  return svg;
}

/** How many distinct URLs have been encoded so far (for tests and the benchmark). */
export function qrCacheSize(): number {
  return cache.size;
}
