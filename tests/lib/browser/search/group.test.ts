import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAddress } from "../../../../lib/browser/search/address.ts";
import { peerSearchAddress } from "../../../../lib/browser/search/group.ts";
import { analyseQuery, readingSteps } from "../../../../lib/browser/search/plan.ts";
import { renderResult } from "../../../../lib/browser/search/results.ts";
import {
  type PresenceEntry,
  phraseKey,
  rebaseManifest,
  type SearchPeer,
  type ShardManifest,
  titleKey,
} from "../../../../lib/search-protocol/index.ts";

const peer: SearchPeer = {
  id: "kgxj",
  name: "克拉玛依区科学技术和工业信息化局",
  url: "https://kgxj.klmyq.gov.cn",
  bundle: "https://kgxj.klmyq.gov.cn/pagefind/",
};

const shard = (name: string, from: string, to: string) => ({
  name,
  path: `/pagefind/${name}/`,
  language: `und-x-${name}`,
  meta: `${name}.pf_meta`,
  from,
  to,
  pages: 10,
});

const peerMap: ShardManifest = rebaseManifest(
  {
    version: "v1",
    titleSlot: 64,
    primary: { path: "/pagefind/", language: "und-x-primary", meta: "p.pf_meta" },
    presence: [{ path: "/pagefind/presence/", buckets: 4, first: 0, shards: 2 }],
    shards: [shard("y2024", "2024-01-01", "2024-12-31"), shard("y2020-2023", "2020-01-01", "2023-12-31")],
  },
  peer,
);

describe("peerSearchAddress", () => {
  it("is the same search, filters and all, on the peer's own search page", () => {
    expect(peerSearchAddress(peer, "?q=%E7%A7%91%E6%8A%80&year=2024")).toBe(
      "https://kgxj.klmyq.gov.cn/search/?q=%E7%A7%91%E6%8A%80&year=2024",
    );
  });
});

describe("readingSteps over a peer's manifest", () => {
  const everywhere: PresenceEntry = { all: [0, 1], title: [1], chunks: new Map(), counts: new Map() };
  // Every shard holds every word; no title is the query itself.
  const lookup = (key: string) => (key === titleKey("科技特派员") ? undefined : everywhere);

  it("plans the peer's shards like the site's own: titles first, then the newest", () => {
    const request = readAddress("?q=科技特派员");
    const { steps } = readingSteps(peerMap, request, analyseQuery("科技特派员"), lookup);
    expect(steps.map((step) => step.index)).toEqual([1, 0]);
  });

  it("leaves out the peer's shards outside the year asked for", () => {
    const request = readAddress("?q=科技&year=2024");
    const { steps } = readingSteps(peerMap, request, analyseQuery("科技"), lookup);
    expect(steps.map((step) => step.index)).toEqual([0]);
  });

  it("plans nothing when the peer's presence map lacks a word", () => {
    const request = readAddress("?q=科技");
    expect(readingSteps(peerMap, request, analyseQuery("科技"), () => undefined).steps).toEqual([]);
  });
});

describe("renderResult for another site of the 站群", () => {
  const globals = globalThis as { document?: unknown };
  let saved: unknown;
  beforeAll(() => {
    saved = globals.document;
    globals.document = parseHTML("<html><body></body></html>").document;
  });
  afterAll(() => {
    globals.document = saved;
  });
  const described = (url: unknown) => ({
    url,
    meta: { date: "2024-04-18", column: "工作动态" },
    title: "区科技特派员培训班在白杨河畔开班",
    body: "科技特派员培训班开班",
    titleKey: phraseKey("区科技特派员培训班在白杨河畔开班"),
  });

  it("links to the page's address on the peer, with the peer's name beside the column", () => {
    const item = renderResult(described("/articles/2024/kjtpy-pxb/"), ["白杨河畔"], "白杨河畔", {
      site: peer,
      heading: "h4",
    });
    expect(item.querySelector("h4 a.search-result-title")?.getAttribute("href")).toBe(
      "https://kgxj.klmyq.gov.cn/articles/2024/kjtpy-pxb/",
    );
    expect(item.querySelector(".search-result-column")?.textContent).toBe("工作动态");
    expect(item.querySelector(".search-result-site")?.textContent).toBe(peer.name);
    expect(item.querySelector(".search-result-title mark")?.textContent).toBe("白杨河畔");
  });

  it("shows the title without a link for an address off the peer's origin", () => {
    const item = renderResult(described("https://evil.example/x/"), [], "x", { site: peer, heading: "h4" });
    expect(item.querySelector("a")).toBeNull();
    expect(item.querySelector("span.search-result-title")?.textContent).toBe("区科技特派员培训班在白杨河畔开班");
  });

  it("keeps the site's own results as they were: a path, no site name", () => {
    const item = renderResult(described("/articles/2024/a/"), [], "x");
    expect(item.querySelector("h2 a")?.getAttribute("href")).toBe("/articles/2024/a/");
    expect(item.querySelector(".search-result-site")).toBeNull();
  });
});
