import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultRegion, normalizePrefix, refreshAddresses, writeRefreshFiles } from "../../../lib/deploy/index.ts";

const ORIGIN = "https://kjj.klmy.gov.cn";

describe("refreshAddresses", () => {
  it("gives each changed HTML file the address readers use, and skips other files", () => {
    expect(
      refreshAddresses(ORIGIN, ["index.html", "articles/2024/a/index.html", "404.html", "feed.xml", "assets/a.css"]),
    ).toEqual([`${ORIGIN}/`, `${ORIGIN}/404.html`, `${ORIGIN}/articles/2024/a/`]);
  });
});

describe("writeRefreshFiles", () => {
  it("writes 1,000 addresses a file and removes the last deploy's files", () => {
    const folder = mkdtempSync(path.join(tmpdir(), "bureau-refresh-"));
    writeFileSync(path.join(folder, "refresh-9.txt"), "old\n");
    const addresses = Array.from({ length: 2345 }, (_, i) => `${ORIGIN}/articles/2024/a${i}/`);
    const files = writeRefreshFiles(folder, addresses);
    expect(readdirSync(folder).sort()).toEqual(["refresh-1.txt", "refresh-2.txt", "refresh-3.txt"]);
    const lines = files.map((file) => readFileSync(file, "utf8").trimEnd().split("\n"));
    expect(lines.map((batch) => batch.length)).toEqual([1000, 1000, 345]);
    expect(lines.flat()).toEqual(addresses);
    rmSync(folder, { recursive: true });
  });
});

describe("defaultRegion", () => {
  it("takes the region from Alibaba OSS, Tencent COS and Huawei OBS endpoints, else us-east-1", () => {
    expect(defaultRegion("https://oss-cn-hangzhou.aliyuncs.com")).toBe("oss-cn-hangzhou");
    expect(defaultRegion("https://oss-cn-beijing-internal.aliyuncs.com")).toBe("oss-cn-beijing");
    expect(defaultRegion("https://cos.ap-guangzhou.myqcloud.com")).toBe("ap-guangzhou");
    expect(defaultRegion("https://obs.cn-north-4.myhuaweicloud.com")).toBe("cn-north-4");
    expect(defaultRegion("http://127.0.0.1:9000")).toBe("us-east-1");
  });

  it("makes a prefix a folder", () => {
    expect([normalizePrefix(""), normalizePrefix("/kjj"), normalizePrefix("kjj/")]).toEqual(["", "kjj/", "kjj/"]);
  });
});
