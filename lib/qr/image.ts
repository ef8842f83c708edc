import { qrDataUrl } from "./store.ts";

/** The code's size on the page, in CSS pixels (the stylesheet makes it smaller on a phone). */
export const QR_DISPLAY_SIZE = 132;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The QR code of `url` as an `<img>` of a PNG data URL, with its size (so nothing moves when it
 * decodes) and a text alternative. An image, not inline SVG: WeChat offers 识别图中二维码 on a
 * long press only for an `<img>`; a data URL, not a file, so the build writes no file per page and
 * the page needs no request for it (the CSP allows `img-src data:`).
 */
export function qrCodeImg(url: string): string {
  const label = escapeAttribute(`本页二维码，链接：${url}`);
  return `<img class="qr-code" src="${qrDataUrl(url)}" width="${QR_DISPLAY_SIZE}" height="${QR_DISPLAY_SIZE}" alt="${label}">`;
}
