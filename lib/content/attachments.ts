import { lstatSync } from "node:fs";
import path from "node:path";
import { FILES } from "../shared/index.ts";

/** An attachment as the pages show it: title, public URL, file type and size. */
export interface AttachmentInfo {
  title: string;
  url: string;
  type: string;
  bytes: number;
  size: string;
}

/** Formats a byte count the way Chinese government sites print it: `980 B`, `12.3 KB`, `4.5 MB`. */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** The file type shown to readers, from the extension: `report.PDF` → `PDF`. */
export function fileTypeLabel(file: string): string {
  const extension = path.extname(file).slice(1).toUpperCase();
  return extension || "文件";
}

/** The public URL of a file under content/files/, percent-encoded where needed. */
export function attachmentUrl(file: string): string {
  return `${FILES.url}${file.split("/").map(encodeURIComponent).join("/")}`;
}

/** Looks an attachment up on disk (`file` relative to content/files/); undefined when the file is missing. */
export function describeAttachment(root: string, title: string, file: string): AttachmentInfo | undefined {
  let bytes: number;
  try {
    const stats = lstatSync(path.join(root, FILES.folder, file));
    if (!stats.isFile()) return undefined;
    bytes = stats.size;
  } catch {
    return undefined;
  }
  return { title, url: attachmentUrl(file), type: fileTypeLabel(file), bytes, size: formatFileSize(bytes) };
}
