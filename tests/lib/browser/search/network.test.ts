import { describe, expect, it } from "vitest";
import { queryPresenceKeys } from "../../../../lib/browser/search/network.ts";
import { queryPresence, titleKey } from "../../../../lib/search-protocol/index.ts";

describe("queryPresenceKeys", () => {
  it("looks up every bigram of the query, and its title key for one part of four characters or more", () => {
    const keys = queryPresenceKeys("科技合作");
    for (const part of queryPresence("科技合作"))
      for (const key of [...part.all, ...part.cover]) expect(keys).toContain(key);
    expect(keys).toContain(titleKey("科技合作"));
    expect(queryPresenceKeys("科技")).not.toContain(titleKey("科技"));
    expect(queryPresenceKeys("科技 合作与交流")).not.toContain(titleKey("科技 合作与交流"));
  });
});
