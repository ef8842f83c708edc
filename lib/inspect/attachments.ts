import { closeSync, openSync, readSync, statSync } from "node:fs";
import path from "node:path";
import { FILES } from "../shared/index.ts";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b];
const bytes = (text: string) => Array.from(Buffer.from(text, "latin1"));

/**
 * The attachment types readers can open on a government site, with the first bytes a real file of
 * the type starts with (none for plain text): documents (PDF, OFD, Word, WPS, Excel, ET, PowerPoint,
 * DPS), tables as CSV or text, archives and images. Types that run in the browser from the site's
 * own origin (HTML, SVG, scripts) and programs are left out on purpose.
 */
export const ATTACHMENT_TYPES: Record<string, { label: string; magic?: number[][] }> = {
  pdf: { label: "PDF", magic: [bytes("%PDF-")] },
  ofd: { label: "OFD 版式文件", magic: [ZIP] },
  doc: { label: "Word 97–2003", magic: [OLE] },
  docx: { label: "Word", magic: [ZIP] },
  wps: { label: "WPS 文字", magic: [OLE, ZIP] },
  xls: { label: "Excel 97–2003", magic: [OLE] },
  xlsx: { label: "Excel", magic: [ZIP] },
  et: { label: "WPS 表格", magic: [OLE, ZIP] },
  ppt: { label: "PowerPoint 97–2003", magic: [OLE] },
  pptx: { label: "PowerPoint", magic: [ZIP] },
  dps: { label: "WPS 演示", magic: [OLE, ZIP] },
  txt: { label: "文本" },
  csv: { label: "CSV 表格" },
  zip: { label: "ZIP 压缩包", magic: [ZIP] },
  rar: { label: "RAR 压缩包", magic: [bytes("Rar!")] },
  "7z": { label: "7z 压缩包", magic: [[0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]] },
  jpg: { label: "JPEG 图片", magic: [[0xff, 0xd8, 0xff]] },
  jpeg: { label: "JPEG 图片", magic: [[0xff, 0xd8, 0xff]] },
  png: { label: "PNG 图片", magic: [[0x89, 0x50, 0x4e, 0x47]] },
  gif: { label: "GIF 图片", magic: [bytes("GIF8")] },
};

/** What is wrong with an attachment file, in Chinese; undefined when it is fine. */
export function attachmentProblem(root: string, relativeFile: string): string | undefined {
  const absolute = path.join(root, FILES.folder, relativeFile);
  const extension = path.extname(relativeFile).slice(1).toLowerCase();
  const type = ATTACHMENT_TYPES[extension];
  if (!type) {
    const allowed = Object.keys(ATTACHMENT_TYPES).join("、");
    return `附件类型「${extension ? `.${extension}` : "无扩展名"}」不在允许的类型内（${allowed}），读者可能打不开或有安全风险`;
  }
  let size: number;
  try {
    size = statSync(absolute).size;
  } catch {
    return "附件文件不存在";
  }
  if (size === 0) return "附件是空文件（0 字节），读者下载后打不开：请换成完整的文件";
  if (!type.magic) return undefined;
  const head = Buffer.alloc(8);
  const descriptor = openSync(absolute, "r");
  try {
    readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  const matches = type.magic.some((magic) => magic.every((byte, index) => head[index] === byte));
  return matches
    ? undefined
    : `文件内容不是 ${type.label}（与扩展名 .${extension} 不符），读者可能打不开：请重新导出后上传`;
}

/** The file under content/files/ that a site path `/files/…` names, or undefined for other paths. */
export function attachmentFileOf(sitePath: string): string | undefined {
  if (!sitePath.startsWith("/files/")) return undefined;
  const rest = sitePath.slice("/files/".length);
  try {
    return decodeURIComponent(rest);
  } catch {
    return rest;
  }
}
