import { describe, expect, it } from "vitest";
import { findPersonalData, isResidentIdNumber } from "../../../lib/inspect/personal-data.ts";

describe("isResidentIdNumber", () => {
  it("accepts a number with a real birth date and its check digit, and refuses one digit off", () => {
    expect(isResidentIdNumber("11010519491231002X")).toBe(true);
    expect(isResidentIdNumber("110105194912310021")).toBe(false);
    expect(isResidentIdNumber("110105194902300021")).toBe(false);
  });
});

describe("findPersonalData", () => {
  it("finds a 身份证号 and 手机号 written with or without spaces, masked", () => {
    expect(findPersonalData("张三，身份证号 11010519491231002X，电话 138 1234 5678")).toEqual([
      { kind: "身份证号", masked: "110105********002X" },
      { kind: "手机号", masked: "138****5678" },
    ]);
  });

  it("passes a masked number, an 索引号, a landline and an 18-digit number with a wrong check digit", () => {
    expect(findPersonalData("138****5678 11650200MB0000000X/2024-00010 0990-6600000 110105194912310021")).toEqual([]);
  });
});
