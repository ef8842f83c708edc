import type { DateTime } from "luxon";
import { FIXED_PAGES, parseContentDate, shortHash, toIsoWithOffset } from "../shared/index.ts";
import { revisedAt } from "./articles.ts";
import { checkBody } from "./body-checks.ts";
import { type LoadContext, publicationStatus, resolveAttachments } from "./context.ts";
import { listNoticeFiles, readContentText } from "./files.ts";
import type { Notice } from "./model.ts";
import { noticesFileSchema } from "./schema.ts";
import { validateWithSchema } from "./schema-messages.ts";
import { plainTextSummary } from "./summary.ts";
import { parseYamlSource } from "./yaml-source.ts";

/** The URL of a notice's own page: its date and a fingerprint of its title. */
export function noticePageUrl(isoDate: string, title: string): string {
  return `${FIXED_PAGES.notices}${isoDate.slice(0, 4)}/${isoDate.slice(5, 7)}${isoDate.slice(8, 10)}-${shortHash(title).slice(0, 6)}/`;
}

/** Reads and validates every notices file; what is wrong goes to the context's problems. */
export function loadNotices(context: LoadContext): Notice[] {
  const { root, site, problems } = context;
  const schema = noticesFileSchema(site.time_zone);
  const notices: Notice[] = [];
  for (const file of listNoticeFiles(root)) {
    const text = readContentText(root, file, problems);
    if (text === undefined) continue;
    const yaml = parseYamlSource(text);
    if (yaml.mistake) {
      problems.push({ file, ...yaml.mistake });
      continue;
    }
    const { data, problems: found } = validateWithSchema(schema, yaml, file);
    problems.push(...found);
    if (!data) continue;
    data.forEach((entry, index) => {
      checkBody(file, entry.body, yaml.textLineOf([index, "body"]), "body", problems);
      const published = parseContentDate(entry.date, site.time_zone) as DateTime;
      const status = publicationStatus(false, published, context);
      if (status && !context.preview) return;
      const date = toIsoWithOffset(published);
      const attachments = resolveAttachments(
        context,
        file,
        entry.attachments,
        (attachmentIndex) => yaml.lineOf([index, "attachments", attachmentIndex, "file"]),
        `[${index}].attachments`,
      );
      const body = entry.body?.trim() ? entry.body : undefined;
      const hasPage = Boolean(body) || (!entry.url && attachments.length > 1);
      const pageUrl = hasPage ? noticePageUrl(date, entry.title) : undefined;
      const href = pageUrl ?? entry.url ?? attachments[0]?.url ?? FIXED_PAGES.notices;
      notices.push({
        title: entry.title,
        date,
        updated: revisedAt(entry.updated, site.time_zone),
        href,
        external: !pageUrl && /^https?:/.test(href),
        pageUrl,
        body,
        bodyLine: yaml.textLineOf([index, "body"]),
        url: entry.url,
        urlLine: yaml.lineOf([index, "url"]),
        summary: body ? plainTextSummary(body) : entry.title,
        attachments,
        signature: entry.signature && {
          organ: entry.signature.organ,
          date: (
            parseContentDate(entry.signature.date ?? entry.date, site.time_zone) as DateTime
          ).toISODate() as string,
        },
        sourcePath: file,
        line: yaml.lineOf([index]),
        status,
      });
    });
  }
  return notices;
}
