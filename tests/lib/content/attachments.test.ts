import { describe, expect, it } from "vitest";
import { attachmentUrl, describeAttachment, fileTypeLabel, formatFileSize } from "../../../lib/content/attachments.ts";
import { createFixtureSite } from "../../helpers/fixture.ts";

describe("formatFileSize", () => {
  it("prints bytes, kilobytes and megabytes", () => {
    expect(formatFileSize(980)).toBe("980 B");
    expect(formatFileSize(12_600)).toBe("12 KB");
    expect(formatFileSize(2048)).toBe("2.0 KB");
    expect(formatFileSize(5 * 1024 * 1024)).toBe("5.0 MB");
  });
});

describe("fileTypeLabel and attachmentUrl", () => {
  it("uses the upper-case extension as the type", () => {
    expect(fileTypeLabel("2024/申报书.docx")).toBe("DOCX");
    expect(fileTypeLabel("README")).toBe("文件");
  });

  it("percent-encodes each path segment", () => {
    expect(attachmentUrl("2024/申报 书.pdf")).toBe("/files/2024/%E7%94%B3%E6%8A%A5%20%E4%B9%A6.pdf");
  });
});

describe("describeAttachment", () => {
  it("reads the size from disk and returns undefined for a missing file", () => {
    const site = createFixtureSite({ "content/files/a/report.pdf": Buffer.alloc(3000) });
    try {
      expect(describeAttachment(site.root, "报告", "a/report.pdf")).toEqual({
        title: "报告",
        url: "/files/a/report.pdf",
        type: "PDF",
        bytes: 3000,
        size: "2.9 KB",
      });
      expect(describeAttachment(site.root, "报告", "a/missing.pdf")).toBeUndefined();
    } finally {
      site.remove();
    }
  });
});
