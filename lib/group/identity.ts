import path from "node:path";
import {
  type ContentProblem,
  ContentValidationError,
  parseYamlSource,
  readSettingsText,
  SITE_FILE,
} from "../content/index.ts";
import type { SearchPeer } from "../search-protocol/index.ts";
import { SEARCH_INDEX_URL } from "../shared/index.ts";
import type { Group, GroupSite } from "./group-file.ts";

/** What the group needs of one site's `_data/site.yaml`: its title, address and 网站标识码, with their lines. */
export interface SiteIdentity {
  site: GroupSite;
  /** The site file, relative to the group root: `sites/kgxj/_data/site.yaml`. */
  file: string;
  name?: string;
  url?: string;
  idCode?: string;
  lines: { url: number; id_code: number };
}

/** A scalar as text; undefined for anything else (the site's own check reports that). */
const scalarText = (value: unknown) =>
  typeof value === "string" || typeof value === "number" ? String(value) : undefined;

/**
 * Reads the identity of each site of the group from its site file, without validating the rest
 * of it: a site whose site file is broken fails its own build, not its neighbours'.
 */
export function readIdentities(group: Group): SiteIdentity[] {
  return group.sites.map((site) => {
    const file = path.posix.join(site.root, SITE_FILE);
    let text = "";
    try {
      text = readSettingsText(site.dir, SITE_FILE);
    } catch {
      // A missing site file is the site's own build's error to report.
    }
    const yaml = parseYamlSource(text);
    const value = (yaml.mistake || typeof yaml.value !== "object" ? {} : (yaml.value ?? {})) as Record<string, unknown>;
    return {
      site,
      file,
      name: scalarText(value.name),
      url: scalarText(value.url),
      idCode: scalarText(value.id_code),
      lines: { url: yaml.lineOf(["url"]), id_code: yaml.lineOf(["id_code"]) },
    };
  });
}

const KEYS = [
  { key: "url", label: "网站地址", of: (identity: SiteIdentity) => identity.url?.toLowerCase().replace(/\/+$/, "") },
  { key: "id_code", label: "网站标识码", of: (identity: SiteIdentity) => identity.idCode },
] as const;

/** Two sites of the group with the same address or the same 网站标识码: one problem for each later one. */
export function duplicateIdentities(identities: readonly SiteIdentity[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  for (const { key, label, of } of KEYS) {
    const first = new Map<string, SiteIdentity>();
    for (const identity of identities) {
      const value = of(identity);
      if (value === undefined) continue;
      const earlier = first.get(value);
      if (!earlier) {
        first.set(value, identity);
        continue;
      }
      problems.push({
        file: identity.file,
        line: identity.lines[key],
        field: key,
        message: `${label}「${value}」与站点「${earlier.site.name}」（${earlier.file} 第 ${earlier.lines[key]} 行）相同，站群里每个站点的${label}必须不同`,
      });
    }
  }
  return problems;
}

/** Throws ContentValidationError when two sites of the group share an address or a 网站标识码. */
export function assertDistinctIdentities(identities: readonly SiteIdentity[]): void {
  const problems = duplicateIdentities(identities);
  if (problems.length > 0) throw new ContentValidationError(problems);
}

/** The other sites of the group as the search page of `site` names them; sites without a valid address are left out. */
export function searchPeers(identities: readonly SiteIdentity[], site: GroupSite): SearchPeer[] {
  return identities.flatMap((identity) => {
    const url = identity.url?.replace(/\/+$/, "");
    if (identity.site.name === site.name || !url || !/^https?:\/\/[^/\s]+$/.test(url)) return [];
    return [
      { id: identity.site.name, name: identity.name ?? identity.site.name, url, bundle: `${url}${SEARCH_INDEX_URL}` },
    ];
  });
}
