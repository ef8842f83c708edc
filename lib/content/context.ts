import type { DateTime } from "luxon";
import { FILES } from "../shared/index.ts";
import type { AttachmentInfo } from "./attachments.ts";
import { attachmentUrl, describeAttachment } from "./attachments.ts";
import type { PublicationStatus } from "./model.ts";
import type { ContentProblem } from "./problems.ts";
import type { Site } from "./site.ts";

/** What every loader of content files reads and where it reports problems. */
export interface LoadContext {
  root: string;
  site: Site;
  problems: ContentProblem[];
  /** Keep drafts and scheduled items, marked with their status (the preview). */
  preview: boolean;
  /** The moment that decides what is scheduled for later. */
  now: DateTime;
}

/** Whether an item waits: a draft, or dated after `now` (定时发布); undefined when it is published. */
export function publicationStatus(
  draft: boolean | undefined,
  date: DateTime,
  context: LoadContext,
): PublicationStatus | undefined {
  if (draft) return "draft";
  return date > context.now ? "scheduled" : undefined;
}

/** Looks up each attachment of an item on disk; a missing file is a problem at the line `lineOf` gives. */
export function resolveAttachments(
  context: LoadContext,
  file: string,
  entries: { title: string; file: string }[] | undefined,
  lineOf: (index: number) => number,
  fieldPrefix: string,
): AttachmentInfo[] {
  const resolved: AttachmentInfo[] = [];
  (entries ?? []).forEach((entry, index) => {
    const info = describeAttachment(context.root, entry.title, entry.file);
    if (info) resolved.push(info);
    else
      context.problems.push({
        file,
        line: lineOf(index),
        field: `${fieldPrefix}[${index}].file`,
        message: `附件文件「${entry.file}」不存在，请把文件放到 ${FILES.folder}/ 下`,
      });
  });
  return resolved;
}

/** The lead photo of an article as the pages use it; a missing file is a problem at `line`. */
export function leadImageOf(
  context: LoadContext,
  file: string,
  image: { file: string; alt: string },
  line: number,
): { url: string; alt: string; line: number } | undefined {
  if (describeAttachment(context.root, "", image.file)) return { url: attachmentUrl(image.file), alt: image.alt, line };
  context.problems.push({
    file,
    line,
    field: "image.file",
    message: `题图文件「${image.file}」不存在，请把图片放到 ${FILES.folder}/<年份>/ 下`,
  });
  return undefined;
}
