import { formatFileSize } from "../content/index.ts";
import { MAX_SOURCE_BYTES, MAX_SOURCE_PIXELS } from "./formats.ts";

/*
 * What an editor reads when a picture cannot be published: what is wrong with the file and what to
 * do, in Chinese, naming the picture (docs/editors-guide.md lists each with its fix).
 */

const FORMAT_NAMES: Record<string, string> = {
  jpeg: "JPG",
  png: "PNG",
  gif: "GIF",
  webp: "WebP",
  heif: "HEIC/HEIF",
  tiff: "TIFF",
  svg: "SVG",
  avif: "AVIF",
};

/** The file type as editors know it: `jpeg` → JPG. */
export function formatName(format: string): string {
  return FORMAT_NAMES[format] ?? format.toUpperCase();
}

/** The messages, each a function of the picture's site address and what was found. */
export const PICTURE_MESSAGES = {
  tooLarge: (url: string, bytes: number) =>
    `图片 ${url} 有 ${(bytes / 2 ** 20).toFixed(1)} MB，超过 ${formatFileSize(MAX_SOURCE_BYTES)}：请用相机或手机的「压缩」「调整大小」导出较小的 JPG（长边 4000 像素以内就足够），再替换文件`,
  tooManyPixels: (url: string, width: number, height: number) =>
    `图片 ${url} 的尺寸 ${width} × ${height} 像素过大（超过 ${MAX_SOURCE_PIXELS / 10_000} 万像素），不能处理：请缩小到长边 8000 像素以内再上传`,
  heic: (url: string) =>
    `图片 ${url} 是苹果手机的 HEIC 格式，网站无法转换：请在手机上把照片「存储为 JPG」后上传（或在 iPhone「设置 → 相机 → 格式」选「兼容性最佳」），并把引用改成 .jpg 文件`,
  refused: (url: string, format: string) =>
    `图片 ${url} 是 ${formatName(format)} 格式，网站不能直接发布：照片请另存为 JPG，截图和图表请另存为 PNG，再替换文件并修改引用`,
  wrongExtension: (url: string, extension: string, format: string) =>
    `图片 ${url} 的扩展名是 ${extension}，但文件内容是 ${formatName(format)} 图片：请把文件改名为 .${format === "jpeg" ? "jpg" : format} 结尾，并修改引用`,
  unreadable: (url: string) =>
    `图片 ${url} 无法读取，文件已损坏或不是图片：请从相机或原始文件重新导出 JPG 或 PNG 后替换`,
  truncated: (url: string) =>
    `图片 ${url} 不完整（文件被截断，可能上传或复制到一半中断了）：请重新复制或上传完整的文件`,
  animated: (url: string) =>
    `图片 ${url} 是 GIF 动画：动图会不停闪动且无法暂停（无障碍要求），网站不发布动画：请另存为一张 JPG 或 PNG 静态图片；需要动态内容请做成视频并写成链接`,
  notAPicture: (url: string) => `${url} 不是网站能发布的图片：照片请用 JPG，截图和图表请用 PNG`,
} as const;
