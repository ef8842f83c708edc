import { describe, expect, it } from "vitest";
import { mandarinVoice, sentences } from "../../../../lib/browser/toolbar/sentences.ts";

describe("sentences", () => {
  it("splits at sentence ends, keeping closing quotes with their sentence and folding blanks", () => {
    expect(sentences("第一句。第二句！  “第三句？”第四句")).toEqual(["第一句。", "第二句！", "“第三句？”", "第四句"]);
    expect(sentences("Hello world. 你好；再见…")).toEqual(["Hello world. 你好；", "再见…"]);
    expect(sentences("   ")).toEqual([]);
  });

  it("cuts a sentence longer than 100 characters after a comma, or at 100 without one", () => {
    const clause = "科技创新".repeat(10);
    const long = `${clause}，${clause}，${clause}。`;
    const parts = sentences(long);
    expect(parts.join("")).toBe(long);
    expect(parts.every((part) => part.length <= 100)).toBe(true);
    expect(parts[0]?.endsWith("，")).toBe(true);
    const unbroken = "字".repeat(250);
    expect(sentences(unbroken).map((part) => part.length)).toEqual([100, 100, 50]);
  });
});

describe("mandarinVoice", () => {
  const voice = (lang: string, localService: boolean) => ({ lang, localService, name: `${lang}-${localService}` });

  it("takes zh-CN first, a voice of the device before a server one", () => {
    const voices = [voice("en-US", true), voice("zh-CN", false), voice("zh_CN", true), voice("zh-TW", true)];
    expect(mandarinVoice(voices)?.name).toBe("zh_CN-true");
  });

  it("falls back to cmn, then zh but not Cantonese, and to none", () => {
    expect(mandarinVoice([voice("cmn-Hant-TW", true), voice("cmn-Hans-CN", true)])?.name).toBe("cmn-Hans-CN-true");
    expect(mandarinVoice([voice("zh-HK", true), voice("yue-HK", true), voice("zh-TW", true)])?.name).toBe("zh-TW-true");
    expect(mandarinVoice([voice("en-GB", true), voice("zh-HK", true)])).toBeUndefined();
  });
});
