import { describe, expect, it } from "vitest";
import { readSiteSelection } from "../../../lib/commands/site-option.ts";

describe("readSiteSelection", () => {
  it("reads --site NAME, and no option as the repository's own site", () => {
    expect(readSiteSelection({ site: "kgxj", all: false })).toEqual({ all: false, site: "kgxj" });
    expect(readSiteSelection({ all: false })).toEqual({ all: false });
    expect(readSiteSelection({})).toEqual({ all: false });
  });

  it("reads --all alone as every site", () => {
    expect(readSiteSelection({ all: true })).toEqual({ all: true });
  });

  it("refuses --all with an option that names one site or one output, naming them", () => {
    expect(readSiteSelection({ all: true, site: "kgxj" })).toEqual({
      mistake: "--all 不能和 --site 一起用：每个站点输出到自己的目录 (--all takes no --site)",
    });
    expect(readSiteSelection({ all: true, out: "dist", cache: ".c" })).toEqual({
      mistake: "--all 不能和 --out、--cache 一起用：每个站点输出到自己的目录 (--all takes no --out, --cache)",
    });
  });

  it("refuses an empty --site", () => {
    expect(readSiteSelection({ site: "", all: false })).toEqual({
      mistake: "--site 后面要写站点名，如 --site kgxj (--site needs a name)",
    });
  });
});
