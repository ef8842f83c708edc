import { execFileSync } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";

/**
 * Writes a throwaway self-signed certificate (openssl, P-256, one day, CN=localhost) and its key to
 * `certFile` and `keyFile`, valid for `altNames` (e.g. "IP:127.0.0.1,DNS:localhost"); returns the
 * SHA-256 of its public key, base64, as Chromium's --ignore-certificate-errors-spki-list takes it.
 */
export function writeTestCertificate(certFile: string, keyFile: string, altNames: string): string {
  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:prime256v1",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=localhost",
      "-addext",
      `subjectAltName=${altNames}`,
      "-keyout",
      keyFile,
      "-out",
      certFile,
    ],
    { stdio: "ignore" },
  );
  const publicKey = new X509Certificate(readFileSync(certFile)).publicKey.export({ type: "spki", format: "der" });
  return createHash("sha256").update(publicKey).digest("base64");
}
