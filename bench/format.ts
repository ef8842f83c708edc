/** A duration in milliseconds as seconds with two decimals: `2.10 s`. */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/** A size in bytes as whole mebibytes: `172 MB`. */
export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1048576)} MB`;
}

/** A size in bytes as kibibytes, one decimal under 10: `9.5`, `120` (the unit is the caller's). */
export function kb(bytes: number): string {
  const value = bytes / 1024;
  return value < 10 ? value.toFixed(1) : value.toFixed(0);
}

/** What a table shows for a figure an older result file does not have. */
export const DASH = "–";

/** {@link seconds}, or {@link DASH} when the figure is missing. */
export function optionalSeconds(ms: number | undefined): string {
  return ms === undefined ? DASH : seconds(ms);
}

/** {@link kb}, or {@link DASH} when the figure is missing. */
export function optionalKb(bytes: number | undefined): string {
  return bytes === undefined ? DASH : kb(bytes);
}
