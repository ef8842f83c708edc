import jsQRModule from "jsqr";
import { PNG } from "pngjs";

type Decoder = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
const jsQR = ((jsQRModule as unknown as { default?: Decoder }).default ?? jsQRModule) as unknown as Decoder;

/** Decodes a QR code from RGBA pixels with jsQR; null when none is found. */
export function decodeQrPixels(pixels: Uint8ClampedArray, width: number, height: number): string | null {
  return jsQR(pixels, width, height)?.data ?? null;
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
