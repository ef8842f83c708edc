import { describe, expect, it } from "vitest";
import {
  peerAddress,
  readSearchGroup,
  rebaseManifest,
  type SearchPeer,
  type ShardManifest,
  searchGroupAttribute,
} from "../../../lib/search-protocol/index.ts";

const peer: SearchPeer = {
  id: "kgxj",
  name: "克拉玛依区科学技术和工业信息化局",
  url: "https://kgxj.klmyq.gov.cn",
  bundle: "https://kgxj.klmyq.gov.cn/pagefind/",
};

const manifest: ShardManifest = {
  version: "v1",
  titleSlot: 64,
  primary: { path: "/pagefind/", language: "und-x-primary", meta: "pagefind.p.pf_meta" },
  presence: [
    { path: "/pagefind/presence-ab/", buckets: 1, first: 0, shards: 1 },
    { path: "/pagefind/presence-cd/", buckets: 32, first: 1, shards: 0 },
  ],
  shards: [
    {
      name: "y2024",
      path: "/pagefind/y2024/",
      language: "und-x-y2024",
      meta: "m.pf_meta",
      from: "2024-01-01",
      to: "2024-12-31",
      pages: 4,
    },
  ],
};

describe("the search form's data-search-group", () => {
  it("reads back the peers the build wrote, and is absent without peers", () => {
    expect(readSearchGroup(searchGroupAttribute([peer]))).toEqual([peer]);
    expect(searchGroupAttribute([])).toBeUndefined();
    expect(readSearchGroup(undefined)).toEqual([]);
    expect(readSearchGroup(null)).toEqual([]);
  });

  it("leaves out what is not a peer: broken JSON, a bundle on another origin, a scheme other than http(s), a path", () => {
    expect(readSearchGroup("{not json")).toEqual([]);
    expect(readSearchGroup(JSON.stringify(peer))).toEqual([]);
    const other = { ...peer, bundle: "https://evil.example/pagefind/" };
    const script = { ...peer, url: "javascript:alert(1)", bundle: "javascript:alert(1)/pagefind/" };
    const withPath = {
      ...peer,
      url: "https://kgxj.klmyq.gov.cn/sub",
      bundle: "https://kgxj.klmyq.gov.cn/sub/pagefind/",
    };
    const unnamed = { ...peer, name: 3 };
    expect(readSearchGroup(JSON.stringify([other, script, withPath, unnamed, peer]))).toEqual([peer]);
  });
});

describe("rebaseManifest", () => {
  it("makes every path of a peer's shards.json absolute on the peer's origin, leaving the rest as it was", () => {
    const rebased = rebaseManifest(manifest, peer);
    expect(rebased.primary.path).toBe("https://kgxj.klmyq.gov.cn/pagefind/");
    expect(rebased.presence?.map((part) => part.path)).toEqual([
      "https://kgxj.klmyq.gov.cn/pagefind/presence-ab/",
      "https://kgxj.klmyq.gov.cn/pagefind/presence-cd/",
    ]);
    expect(rebased.presence?.map(({ path: _path, ...part }) => part)).toEqual(
      manifest.presence?.map(({ path: _path, ...part }) => part),
    );
    expect(rebased.shards.map((shard) => shard.path)).toEqual(["https://kgxj.klmyq.gov.cn/pagefind/y2024/"]);
    expect({ ...rebased.shards[0], path: "" }).toEqual({ ...manifest.shards[0], path: "" });
    expect(rebased.version).toBe(manifest.version);
    expect(manifest.shards[0]?.path).toBe("/pagefind/y2024/");
  });

  it("reads a peer's presence map of before its parts as one part of every shard", () => {
    const older = { ...manifest, presence: { path: "/pagefind/presence-ef/", buckets: 16 } };
    expect(rebaseManifest(older as unknown as ShardManifest, peer).presence).toEqual([
      { path: "https://kgxj.klmyq.gov.cn/pagefind/presence-ef/", buckets: 16, first: 0, shards: 1 },
    ]);
  });

  it("keeps a manifest without a presence map without one", () => {
    const { presence: _presence, ...bare } = manifest;
    expect(rebaseManifest({ ...bare, shards: [] }, peer)).not.toHaveProperty("presence");
  });
});

describe("peerAddress", () => {
  it("puts a result's path on the peer's origin, and keeps an absolute address already there", () => {
    expect(peerAddress("/articles/2024/a/", peer)).toBe("https://kgxj.klmyq.gov.cn/articles/2024/a/");
    expect(peerAddress("https://kgxj.klmyq.gov.cn/articles/2024/a/", peer)).toBe(
      "https://kgxj.klmyq.gov.cn/articles/2024/a/",
    );
  });

  it("refuses another origin, a protocol-relative or script address, and anything not a string", () => {
    expect(peerAddress("https://evil.example/articles/", peer)).toBeNull();
    expect(peerAddress("//evil.example/articles/", peer)).toBeNull();
    expect(peerAddress("javascript:alert(1)", peer)).toBeNull();
    expect(peerAddress("articles/a/", peer)).toBeNull();
    expect(peerAddress(undefined, peer)).toBeNull();
    expect(peerAddress(42, peer)).toBeNull();
  });
});
