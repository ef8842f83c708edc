import { describe, expect, it } from "vitest";
import { readCommandLine } from "../../../lib/commands/cli.ts";

const spec = {
  usage: "用法 (usage): npm run demo [-- --root 目录]",
  options: { root: { type: "string" as const, default: "." }, fast: { type: "boolean" as const, default: false } },
};

describe("readCommandLine", () => {
  it("returns the values of a well-formed command line", () => {
    expect(readCommandLine(spec, ["--root", "site", "--fast"])).toEqual({
      kind: "run",
      values: { root: "site", fast: true },
      positionals: [],
    });
  });

  it("answers --help and -h with the usage, whatever else is on the line", () => {
    expect(readCommandLine(spec, ["--help"])).toEqual({ kind: "help", text: spec.usage });
    expect(readCommandLine(spec, ["--bogus", "-h"])).toEqual({ kind: "help", text: spec.usage });
  });

  it("reports an unknown option, a missing value and a stray argument in one line of Chinese and English", () => {
    expect(readCommandLine(spec, ["--bogus"])).toEqual({
      kind: "error",
      text: "不认识的选项「--bogus」，用 --help 查看用法 (unknown option --bogus; see --help)",
    });
    expect(readCommandLine(spec, ["--root"])).toEqual({
      kind: "error",
      text: "选项「--root」的值不对，用 --help 查看用法 (invalid value for --root; see --help)",
    });
    const stray = readCommandLine(spec, ["extra"]);
    expect(stray.kind).toBe("error");
    expect(stray.kind === "error" && stray.text.startsWith("多余的参数")).toBe(true);
  });
});
