/** Removes a byte-order mark and turns CRLF and CR line ends into LF, keeping line numbers. */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}
