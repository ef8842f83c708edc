import { describe, expect, it } from "vitest";
import { plainTextSummary } from "../../../lib/content/summary.ts";
import { shortHash } from "../../../lib/shared/hash.ts";

describe("plainTextSummary", () => {
  it("skips headings and markup and cuts at the given length", () => {
    const summary = plainTextSummary("## 标题\n\n今年，**我市**[科技](/x/)工作取得进展。\n\n第二段。", 10);
    expect(summary).toBe("今年，我市科技工作取…");
  });

  it("drops the contents of script and style elements", () => {
    expect(plainTextSummary("正文<script>alert(1)</script>结束")).toBe("正文结束");
  });

  it("counts characters outside the Basic Multilingual Plane as one", () => {
    expect(plainTextSummary("𠀀𠀁𠀂𠀃", 2)).toBe("𠀀𠀁…");
  });
});

describe("shortHash", () => {
  it("is stable and differs for different strings", () => {
    expect(shortHash("通知")).toBe(shortHash("通知"));
    expect(shortHash("通知")).not.toBe(shortHash("公告"));
    expect(shortHash("x")).toMatch(/^[0-9a-f]{8}$/);
  });
});
