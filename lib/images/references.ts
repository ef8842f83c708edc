import { type Catalog, findBodyLinks, sitePath } from "../content/index.ts";
import { FILES } from "../shared/index.ts";
import { isPictureFile } from "./formats.ts";

/** One place that shows or links a picture: the content file, its line and field. */
export interface PictureReference {
  /** The picture's site path, percent-decoded: `/files/2024/会议.jpg`. */
  source: string;
  file: string;
  line: number;
  field: string;
}

/** A lead photo: the picture that stands for an article in lists, 图片新闻, the feed and the share card. */
export interface LeadPhoto {
  source: string;
  alt: string;
}

const MARKDOWN_IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^)\s>]+)/g;

/** The site path of a target when it is a picture under /files/, else undefined. */
export function pictureSource(target: string): string | undefined {
  const path = sitePath(target);
  return path?.startsWith(FILES.url) && isPictureFile(path) ? path : undefined;
}

/**
 * Every picture the catalog shows or links: images and links of every body (Markdown or raw HTML)
 * and each article's lead `image`, in the order of the catalog, each with where it is written.
 */
export function findPictureReferences(
  catalog: Pick<Catalog, "articles" | "noticePages" | "staticPages">,
): PictureReference[] {
  const references: PictureReference[] = [];
  const inBody = (file: string, body: string | undefined, firstLine: number, field: string) => {
    for (const link of findBodyLinks(body ?? "")) {
      const source = pictureSource(link.target);
      if (source) references.push({ source, file, line: firstLine + link.line - 1, field });
    }
  };
  for (const article of catalog.articles) {
    if (article.image) {
      const source = pictureSource(article.image.url);
      if (source) references.push({ source, file: article.sourcePath, line: article.image.line, field: "image.file" });
    }
    inBody(article.sourcePath, article.body, article.bodyLine, "body");
  }
  for (const notice of catalog.noticePages) inBody(notice.sourcePath, notice.body, notice.bodyLine, "body");
  for (const page of catalog.staticPages) inBody(page.sourcePath, page.body, page.bodyLine, "body");
  return references;
}

/** The lead photo of an article: its `image`, else the first picture of its body; undefined when it has none. */
export function leadPhotoOf(article: Catalog["articles"][number]): LeadPhoto | undefined {
  if (article.image) {
    const source = pictureSource(article.image.url);
    if (source) return { source, alt: article.image.alt };
  }
  for (const match of article.body.matchAll(MARKDOWN_IMAGE)) {
    const source = pictureSource(match[2] ?? "");
    if (source && match[1]?.trim()) return { source, alt: match[1].trim() };
  }
  return undefined;
}
