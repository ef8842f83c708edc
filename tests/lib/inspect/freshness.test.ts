import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PROJECT_DIR } from "../../../lib/shared/paths.ts";
import { article, checkOf, inspectFixture, notices, removeFixtures } from "./helpers.ts";

afterAll(removeFixtures);

const SITE = readFileSync(path.join(PROJECT_DIR, "_data/site.yaml"), "utf8");

/** One item in each series (four columns and 通知公告), each dated as given. */
function everyColumn(dates: { gzdt: string; kjyw: string; zcwj: string; qxdt: string; notices: string }) {
  return {
    [`content/articles/${dates.gzdt.slice(0, 4)}/a-gzdt.md`]: article("工作动态", dates.gzdt),
    [`content/articles/${dates.kjyw.slice(0, 4)}/a-kjyw.md`]: article("科技要闻", dates.kjyw),
    [`content/articles/${dates.zcwj.slice(0, 4)}/a-zcwj.md`]: article("政策文件", dates.zcwj),
    [`content/articles/${dates.qxdt.slice(0, 4)}/a-qxdt.md`]: article("区县动态", dates.qxdt),
    "content/notices/n.yaml": notices(dates.notices),
  };
}

describe("首页更新 (home-updated): nothing new on the home page for two weeks fails", () => {
  const files = { "content/articles/2024/news.md": article("科技要闻", "2024-05-20") };

  it("passes four days before the deadline, warns from three days before it through the deadline itself", async () => {
    expect(checkOf(await inspectFixture(files, "2024-05-30"), "home-updated").status).toBe("pass");
    const due = checkOf(await inspectFixture(files, "2024-05-31"), "home-updated");
    expect(due.status).toBe("warn");
    expect(due.findings[0]).toMatchObject({ file: "content/articles/2024/news.md", line: 3 });
    expect(due.findings[0]?.message).toContain("2024-06-03 之后仍无新内容");
    expect(due.findings[0]?.message).toContain("还有 3 天");
    const lastDay = await inspectFixture(files, "2024-06-03 23:59");
    expect(checkOf(lastDay, "home-updated").status).toBe("warn");
    expect(lastDay.exitCode).toBe(0);
  });

  it("fails the day after the deadline (more than two weeks), with exit status 1", async () => {
    const report = await inspectFixture(files, "2024-06-04");
    const check = checkOf(report, "home-updated");
    expect(check.status).toBe("fail");
    expect(check.findings[0]?.message).toContain("首页已超过两周没有更新");
    expect(report.exitCode).toBe(1);
  });

  it("counts a notice on the home page as an update, and an empty home page as not updated", async () => {
    const withNotice = { ...files, "content/notices/2024.yaml": notices("2024-06-01") };
    expect(checkOf(await inspectFixture(withNotice, "2024-06-10"), "home-updated").status).toBe("pass");
    const empty = checkOf(await inspectFixture({}, "2024-06-10"), "home-updated");
    expect(empty.status).toBe("fail");
    expect(empty.findings[0]?.message).toContain("没有任何带发布时间");
  });

  it("judges a scheduled article at --now: left out before its time, counted after it", async () => {
    const scheduled = { ...files, "content/articles/2024/later.md": article("工作动态", "2024-06-10 09:00") };
    expect(checkOf(await inspectFixture(scheduled, "2024-06-10 08:59"), "home-updated").status).toBe("fail");
    expect(checkOf(await inspectFixture(scheduled, "2024-06-10 09:00"), "home-updated").status).toBe("pass");
  });
});

describe("栏目更新 (columns-updated): each column within its period, five stale fail", () => {
  const fresh = {
    gzdt: "2024-06-01",
    kjyw: "2024-06-01",
    zcwj: "2024-03-01",
    qxdt: "2024-06-01",
    notices: "2024-03-01",
  };

  it("passes when every column is within its period", async () => {
    const check = checkOf(await inspectFixture(everyColumn(fresh), "2024-06-05"), "columns-updated");
    expect(check.status).toBe("pass");
    expect(check.summary).toContain("检查了 5 个栏目");
  });

  it("gives 动态 columns two weeks and 政策文件 six calendar months, on both sides of the deadline", async () => {
    const dates = { ...fresh, zcwj: "2024-01-15", gzdt: "2024-05-20" };
    const onTime = checkOf(await inspectFixture(everyColumn(dates), "2024-06-03"), "columns-updated");
    expect(onTime.findings.filter((finding) => finding.message.includes("没有更新"))).toEqual([]);
    const late = checkOf(await inspectFixture(everyColumn(dates), "2024-06-04"), "columns-updated");
    expect(late.findings.map((finding) => finding.message).join("\n")).toContain("栏目「工作动态」已 15 天没有更新");
    const policyDue = checkOf(await inspectFixture(everyColumn(dates), "2024-07-15"), "columns-updated");
    expect(policyDue.findings.find((finding) => finding.message.includes("政策文件"))?.message).toContain("还有 0 天");
    const policyLate = checkOf(await inspectFixture(everyColumn(dates), "2024-07-16"), "columns-updated");
    expect(policyLate.findings.find((finding) => finding.message.includes("政策文件"))?.message).toContain(
      "超过更新周期 6 个月（政策文件类）",
    );
  });

  it("warns for each of four stale columns and fails at five", async () => {
    const old = {
      gzdt: "2023-01-02",
      kjyw: "2023-01-02",
      zcwj: "2023-01-02",
      qxdt: "2023-01-02",
      notices: "2024-05-01",
    };
    const four = await inspectFixture(everyColumn(old), "2024-06-01");
    const fourCheck = checkOf(four, "columns-updated");
    expect(fourCheck.status).toBe("warn");
    expect(fourCheck.findings.filter((finding) => finding.severity === "warn")).toHaveLength(4);
    expect(fourCheck.findings[0]).toMatchObject({
      file: "_data/site.yaml",
      line: SITE.split("\n").indexOf("  - name: 工作动态") + 1,
    });
    const five = await inspectFixture(everyColumn({ ...old, notices: "2023-01-02" }), "2024-06-01");
    const fiveCheck = checkOf(five, "columns-updated");
    expect(fiveCheck.status).toBe("fail");
    expect(fiveCheck.findings.at(-1)?.message).toContain("5 个栏目未按时更新，达到 5 个");
    expect(five.exitCode).toBe(1);
  });

  it("skips a column that opts out with update_every: never, and reads the site's own periods", async () => {
    const site = SITE.replace(
      "    keywords: [区县动态, 独山子区, 克拉玛依区, 白碱滩区, 乌尔禾区]\n",
      "    keywords: [区县动态, 独山子区, 克拉玛依区, 白碱滩区, 乌尔禾区]\n    update_every: never\n",
    ).replace("  notices_update_every: 6m", "  notices_update_every: 1m");
    const files = { ...everyColumn({ ...fresh, qxdt: "2020-01-02" }), "_data/site.yaml": site };
    const check = checkOf(await inspectFixture(files, "2024-06-05"), "columns-updated");
    const messages = check.findings.map((finding) => finding.message).join("\n");
    expect(messages).toContain("栏目「区县动态」设为不检查更新");
    expect(messages).not.toContain("区县动态」已");
    expect(messages).toContain("栏目「通知公告」已 96 天没有更新，超过更新周期 1 个月（notices_update_every）");
  });

  it("starts warning as many days before a deadline as warn_days_before says", async () => {
    const dates = { ...fresh, gzdt: "2024-05-20" };
    const files = everyColumn(dates);
    expect(checkOf(await inspectFixture(files, "2024-06-01"), "columns-updated").status).toBe("warn");
    const quiet = { ...files, "_data/site.yaml": SITE.replace("warn_days_before: 3", "warn_days_before: 0") };
    expect(checkOf(await inspectFixture(quiet, "2024-06-01"), "columns-updated").status).toBe("pass");
    expect(checkOf(await inspectFixture(quiet, "2024-06-03"), "columns-updated").status).toBe("warn");
  });
});

describe("空白栏目 (empty-columns): a warning each, a failure from five", () => {
  it("warns for four empty columns", async () => {
    const check = checkOf(
      await inspectFixture({ "content/notices/n.yaml": notices("2024-06-01") }, "2024-06-02"),
      "empty-columns",
    );
    expect(check.status).toBe("warn");
    expect(check.findings.map((finding) => finding.message.slice(0, 9))).toEqual([
      "栏目「工作动态」没",
      "栏目「科技要闻」没",
      "栏目「政策文件」没",
      "栏目「区县动态」没",
    ]);
  });

  it("fails with five empty (the four columns and 通知公告)", async () => {
    const report = await inspectFixture({}, "2024-06-02");
    expect(checkOf(report, "empty-columns").status).toBe("fail");
    expect(checkOf(report, "empty-columns").findings.at(-1)?.message).toContain("5 个空白栏目");
  });
});

describe("草稿和定时发布 (pending)", () => {
  it("warns when drafts or scheduled items are all a column has, and notes each of them", async () => {
    const files = {
      "content/articles/2024/draft.md": article("工作动态", "2024-05-01", "draft: true\n"),
      "content/articles/2024/later.md": article("工作动态", "2024-06-10 09:00"),
      "content/articles/2024/news.md": article("科技要闻", "2024-05-30"),
    };
    const check = checkOf(await inspectFixture(files, "2024-06-01"), "pending");
    expect(check.status).toBe("warn");
    const warning = check.findings.find((finding) => finding.severity === "warn");
    expect(warning?.message).toContain("栏目「工作动态」只有草稿或定时发布的内容（2 条）");
    expect(warning?.message).toContain("最早的定时发布在 2024-06-10 09:00 上线");
    expect(check.findings.filter((finding) => finding.severity === "info")).toHaveLength(2);
    const later = checkOf(await inspectFixture(files, "2024-06-11"), "pending");
    expect(later.status).toBe("pass");
    expect(later.summary).toBe("1 条草稿，0 条定时发布；0 个栏目因此是空白的");
  });
});
