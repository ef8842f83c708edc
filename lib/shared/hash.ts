import { createHash } from "node:crypto";

/** The SHA-256 of its parts in order, as 64 hex digits: what names cache entries, fingerprints assets and keys pages. */
export function sha256(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex");
}

/** A short stable hexadecimal fingerprint of a string (FNV-1a, 32 bits), for addresses made from a title. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5;
  for (const character of value) {
    hash ^= character.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, "0");
}
