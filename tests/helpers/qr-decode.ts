import jsQRModule from "jsqr";
import { PNG } from "pngjs";

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decoder }).default ?? jsQRModule) as unknown as Decoder;

/** Decodes a QR code from RGBA pixels with jsQR; null when none is found. */
export function decodeQrPixels(pixels: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(pixels, width, height)?.data ?? null;
}

/** Decodes a QR code from an image's `data:image/png;base64,…` address (the pages' QR codes). */
export function decodeQrDataUrl(dataUrl: string): string | null {
  const prefix = "data:image/png;base64,";
  if (!dataUrl.startsWith(prefix)) return null;
  return decodeQrPng(Buffer.from(dataUrl.slice(prefix.length), "base64"));
}

/** Decodes a QR code from a PNG image, such as a browser screenshot. */
export function decodeQrPng(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return decodeQrPixels(
    new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length),
    image.width,
    image.height,
  );
}
