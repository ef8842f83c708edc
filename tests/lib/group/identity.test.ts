import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentValidationError, formatProblem } from "../../../lib/content/index.ts";
import {
  duplicateIdentities,
  loadGroup,
  readIdentities,
  resolveAllSites,
  resolveSite,
  searchPeers,
  UnknownSiteError,
} from "../../../lib/group/index.ts";

let repository: string | undefined;
afterEach(() => {
  if (repository) rmSync(repository, { recursive: true, force: true });
  repository = undefined;
});

/** A group of sites, each `[root, site.yaml text]`, the group file listing them in order as a, b, c… */
function makeGroup(sites: readonly [string, string][]): string {
  repository = mkdtempSync(path.join(tmpdir(), "bureau-identity-"));
  const entries = sites.map(([root], index) => `  - name: ${String.fromCharCode(97 + index)}\n    root: ${root}\n`);
  mkdirSync(path.join(repository, "_data"), { recursive: true });
  writeFileSync(path.join(repository, "_data/group.yaml"), `sites:\n${entries.join("")}`);
  for (const [root, text] of sites) {
    mkdirSync(path.join(repository, root, "_data"), { recursive: true });
    writeFileSync(path.join(repository, root, "_data/site.yaml"), text);
  }
  return repository;
}

const siteFile = (name: string, url: string, idCode: string) => `name: ${name}\nurl: ${url}\nid_code: "${idCode}"\n`;

describe("readIdentities and duplicateIdentities", () => {
  it("read each site's title, address and 网站标识码 with their lines", () => {
    const root = makeGroup([
      [".", siteFile("市科技局", "https://kjj.example.gov.cn", "6502000001")],
      ["sites/b", siteFile("区工信局", "https://b.example.gov.cn", "6502030001")],
    ]);
    const identities = readIdentities(loadGroup(root));
    expect(identities.map(({ file, name, url, idCode, lines }) => ({ file, name, url, idCode, lines }))).toEqual([
      {
        file: "_data/site.yaml",
        name: "市科技局",
        url: "https://kjj.example.gov.cn",
        idCode: "6502000001",
        lines: { url: 2, id_code: 3 },
      },
      {
        file: "sites/b/_data/site.yaml",
        name: "区工信局",
        url: "https://b.example.gov.cn",
        idCode: "6502030001",
        lines: { url: 2, id_code: 3 },
      },
    ]);
    expect(duplicateIdentities(identities)).toEqual([]);
  });

  it("name the later site's file and line for a shared address (any case, a trailing slash) or 网站标识码", () => {
    const root = makeGroup([
      [".", siteFile("甲", "https://kjj.example.gov.cn", "6502000001")],
      ["sites/b", `name: 乙\n\nurl: https://KJJ.example.gov.cn/\nid_code: "6502000001"\n`],
    ]);
    expect(duplicateIdentities(readIdentities(loadGroup(root))).map(formatProblem)).toEqual([
      "sites/b/_data/site.yaml:3: url: 网站地址「https://kjj.example.gov.cn」与站点「a」（_data/site.yaml 第 2 行）相同，站群里每个站点的网站地址必须不同",
      "sites/b/_data/site.yaml:4: id_code: 网站标识码「6502000001」与站点「a」（_data/site.yaml 第 3 行）相同，站群里每个站点的网站标识码必须不同",
    ]);
  });

  it("leave a broken site file to that site's own build: no identity, no problem for its neighbours", () => {
    const root = makeGroup([
      [".", siteFile("甲", "https://kjj.example.gov.cn", "6502000001")],
      ["sites/b", "name: [broken\n"],
    ]);
    const identities = readIdentities(loadGroup(root));
    expect(identities[1]).toMatchObject({ url: undefined, idCode: undefined });
    expect(duplicateIdentities(identities)).toEqual([]);
  });
});

describe("searchPeers", () => {
  it("lists the other sites with an origin as address, never the site itself", () => {
    const root = makeGroup([
      [".", siteFile("甲", "https://a.example.gov.cn", "1")],
      ["sites/b", siteFile("乙", "https://b.example.gov.cn/", "2")],
      ["sites/c", siteFile("丙", "https://c.example.gov.cn/sub", "3")],
    ]);
    const group = loadGroup(root);
    const identities = readIdentities(group);
    expect(searchPeers(identities, group.sites[0] as (typeof group.sites)[number])).toEqual([
      { id: "b", name: "乙", url: "https://b.example.gov.cn", bundle: "https://b.example.gov.cn/pagefind/" },
    ]);
    expect(searchPeers(identities, group.sites[1] as (typeof group.sites)[number]).map((peer) => peer.id)).toEqual([
      "a",
    ]);
  });
});

describe("resolveSite and resolveAllSites", () => {
  const twoSites = (): [string, string][] => [
    [".", siteFile("甲", "https://a.example.gov.cn", "1")],
    ["sites/b", siteFile("乙", "https://b.example.gov.cn", "2")],
  ];

  it("give the named site with its peers, and without a name the site at the repository's root", () => {
    const root = makeGroup(twoSites());
    const named = resolveSite(root, "b");
    expect(named.site.root).toBe("sites/b");
    expect(named.peers.map((peer) => peer.id)).toEqual(["a"]);
    expect(resolveSite(root).site.name).toBe("a");
    expect(resolveAllSites(root).sites.map((site) => site.name)).toEqual(["a", "b"]);
  });

  it("refuse a name the group lacks, listing the names it has", () => {
    const root = makeGroup(twoSites());
    expect(() => resolveSite(root, "kgxj")).toThrow(UnknownSiteError);
    expect(() => resolveSite(root, "kgxj")).toThrow(
      "不认识的站点「kgxj」，站群里有：a、b（见 _data/group.yaml）(unknown site kgxj; known: a, b)",
    );
  });

  it("refuse a group whose sites share an identity, for one site as for all", () => {
    const root = makeGroup([
      [".", siteFile("甲", "https://a.example.gov.cn", "1")],
      ["sites/b", siteFile("乙", "https://b.example.gov.cn", "1")],
    ]);
    expect(() => resolveSite(root, "a")).toThrow(ContentValidationError);
    expect(() => resolveAllSites(root)).toThrow(ContentValidationError);
  });
});
