import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadSite } from "../../../lib/content/site.ts";
import { attachmentProblem } from "../../../lib/inspect/attachments.ts";
import { identityProblems } from "../../../lib/inspect/identity.ts";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { createFixtureSite } from "../../helpers/fixture.ts";
import { article, checkOf, inspectFixture, removeFixtures } from "./helpers.ts";

afterAll(removeFixtures);

const PDF = Buffer.from("%PDF-1.4\n%%EOF\n");

describe("attachment files", () => {
  const site = createFixtureSite({
    "content/files/ok.pdf": PDF,
    "content/files/ok.docx": Buffer.from("PK\u0003\u0004rest"),
    "content/files/ok.csv": "a,b\n",
    "content/files/empty.pdf": "",
    "content/files/fake.pdf": "<html>not a pdf</html>",
    "content/files/page.html": "<p>x</p>",
    "content/files/noext": "x",
  });
  afterAll(() => site.remove());

  it("accepts documents of an allowed type whose first bytes match it", () => {
    for (const file of ["ok.pdf", "ok.docx", "ok.csv"])
      expect(attachmentProblem(site.root, file), file).toBeUndefined();
  });

  it("rejects empty files, disallowed types and contents that do not match the extension", () => {
    expect(attachmentProblem(site.root, "empty.pdf")).toContain("空文件（0 字节）");
    expect(attachmentProblem(site.root, "fake.pdf")).toContain("文件内容不是 PDF");
    expect(attachmentProblem(site.root, "page.html")).toContain("附件类型「.html」不在允许的类型内");
    expect(attachmentProblem(site.root, "noext")).toContain("无扩展名");
  });
});

describe("链接和附件 (links) over a site", () => {
  it("warns at the attachment's line for an empty file, and for a footer link to a missing page", async () => {
    const siteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8")
      .replace(/\npublic_information:\n(?: .*\n)+/, "\n")
      .replace("url: /about/", "url: /guanyu/");
    const report = await inspectFixture(
      {
        "_data/site.yaml": siteFile,
        "content/files/2024/empty.pdf": "",
        "content/files/2024/ok.pdf": PDF,
        "content/articles/2024/a.md": article(
          "工作动态",
          "2024-05-30",
          "attachments:\n  - title: 好\n    file: 2024/ok.pdf\n  - title: 空\n    file: 2024/empty.pdf\n",
          "见[附件](/files/2024/empty.pdf)。\n",
        ),
      },
      "2024-06-01",
    );
    const check = checkOf(report, "links");
    expect(check.status).toBe("warn");
    expect(check.findings.map((finding) => [finding.file, finding.line])).toEqual([
      ["content/articles/2024/a.md", 9],
      ["_data/site.yaml", siteFile.split("\n").indexOf("      url: /guanyu/") + 1],
    ]);
    expect(check.findings[0]?.message).toContain("附件「2024/empty.pdf」：附件是空文件（0 字节）");
    expect(check.findings[0]?.message).toContain("共 2 处引用");
    expect(check.findings[1]?.message).toBe("站内链接「/guanyu/」指向的页面不存在");
    expect(report.exitCode).toBe(0);
  });

  it("lists external links of bodies, notices and the site file for review", async () => {
    const report = await inspectFixture(
      {
        "content/articles/2024/a.md": article(
          "工作动态",
          "2024-05-30",
          "",
          '一\n\n见 [国务院](https://www.gov.cn/) 和 <a href="mailto:a@b.cn">信箱</a>。\n',
        ),
        "content/notices/2024.yaml": "- title: 外链通知\n  date: 2024-05-01\n  url: https://www.most.gov.cn/tztg/\n",
      },
      "2024-06-01",
    );
    const check = checkOf(report, "external-links");
    expect(check.status).toBe("pass");
    const listed = check.findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`);
    expect(listed).toContain("content/articles/2024/a.md:8 外部链接 https://www.gov.cn/，请人工核对能否打开");
    expect(listed).toContain("content/notices/2024.yaml:3 外部链接 https://www.most.gov.cn/tztg/，请人工核对能否打开");
    const siteFile = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8");
    const siteFileLinks = siteFile
      .split("\n")
      .filter((line) => /^\s+(?:- )?(?:url|conac_url|rules|guide|application|annual_reports): https:/.test(line));
    expect(listed.filter((line) => line.startsWith("_data/site.yaml"))).toHaveLength(siteFileLinks.length);
    expect(check.summary).toContain("未联网检查（加 --online 检查）");
  });
});

describe("网站标识和备案号 (site-identity)", () => {
  const sample = loadSite(PROJECT_DIR);
  const withFooter = (footer: Partial<typeof sample.footer>, more: Partial<typeof sample> = {}) => ({
    ...sample,
    ...more,
    footer: { ...sample.footer, ...footer },
  });
  const messages = (site: typeof sample) =>
    identityProblems(site)
      .filter((p) => p.severity === "warn")
      .map((p) => p.message);

  it("accepts well-formed numbers of eight or ten digits", () => {
    const good = withFooter({ icp: "新ICP备05001034号-1" });
    expect(messages(good)).toEqual([]);
    expect(messages(withFooter({ icp: "新ICP备2021012345号" }))).toEqual([]);
  });

  it("flags the sample's placeholder ICP number", () => {
    expect(messages(sample)).toEqual([
      "「ICP备案号」(icp)「新ICP备00000000号-1」像是示例值，上线前请换成本单位的备案号",
    ]);
  });

  it("rejects malformed ICP and 公安 numbers, a code that differs, mixed provinces, no contact, a non-gov domain", () => {
    const bad = withFooter(
      {
        icp: "ICP备05001034号",
        police_record: { number: "新公网安备65020302000001号", code: "65020302000000" },
        phone: undefined,
        email: undefined,
      },
      { url: "http://kjj.example.com" },
    );
    const found = messages(bad).join("\n");
    expect(found).toContain("「ICP备案号」(icp)「ICP备05001034号」格式不对");
    expect(found).toContain("与公安备案号里的 65020302000001 不一致");
    expect(found).toContain("页脚没有联系方式");
    expect(found).toContain("不是 .gov.cn 域名");
    expect(found).toContain("没有用 HTTPS");
    expect(messages(withFooter({ icp: "京ICP备05001034号" }))).toEqual([
      "ICP 备案号的省份「京」与公安备案号的「新」不同，请核对",
    ]);
    expect(
      messages(
        withFooter({
          icp: "新ICP备05001034号",
          police_record: { number: "新公网安备 6502030200000号", code: "6502030200000" },
        }),
      ),
    ).toHaveLength(2);
  });
});
