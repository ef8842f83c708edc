import { describe, expect, it } from "vitest";
import { formatFieldPath } from "../../../lib/content/schema-messages.ts";

describe("formatFieldPath", () => {
  it("writes array indexes in brackets", () => {
    expect(formatFieldPath(["attachments", 0, "file"])).toBe("attachments[0].file");
    expect(formatFieldPath([2, "url"])).toBe("[2].url");
  });
});
