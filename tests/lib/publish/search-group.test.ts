import { describe, expect, it } from "vitest";
import { formatCsp, headerRules, headersFor, SITE_CSP } from "../../../lib/publish/headers.ts";
import { searchCorsOrigin, searchPageCsp } from "../../../lib/publish/search-group.ts";
import type { SearchPeer } from "../../../lib/search-protocol/index.ts";

const peer = (id: string, url: string): SearchPeer => ({ id, name: id, url, bundle: `${url}/pagefind/` });
const kgxj = peer("kgxj", "https://kgxj.klmyq.gov.cn");
const portal = peer("portal", "https://www.klmy.gov.cn");

describe("searchCorsOrigin", () => {
  it("names the one peer's origin, * for several (one static header names one origin), nothing alone", () => {
    expect(searchCorsOrigin([kgxj])).toBe("https://kgxj.klmyq.gov.cn");
    expect(searchCorsOrigin([kgxj, portal])).toBe("*");
    expect(searchCorsOrigin([kgxj, { ...kgxj, id: "again" }])).toBe("https://kgxj.klmyq.gov.cn");
    expect(searchCorsOrigin([])).toBeUndefined();
  });
});

describe("searchPageCsp", () => {
  it("lets the search page read the peers' origins and nothing more, and is the site's policy without peers", () => {
    expect(searchPageCsp([])).toBe(SITE_CSP);
    const policy = searchPageCsp([kgxj, portal]);
    expect(policy["connect-src"]).toEqual(["'self'", "https://kgxj.klmyq.gov.cn", "https://www.klmy.gov.cn"]);
    expect({ ...policy, "connect-src": undefined }).toEqual({ ...SITE_CSP, "connect-src": undefined });
  });
});

describe("headerRules for a site of a 站群", () => {
  const layout = { root: ["index.html", "pagefind/", "search/"], pagefind: ["pagefind.js", "index/"] };
  const rules = headerRules(layout, undefined, {
    searchCorsOrigin: searchCorsOrigin([kgxj]),
    searchCsp: searchPageCsp([kgxj]),
  });

  it("sends the CORS header on /pagefind/ only", () => {
    expect(headersFor(rules, "/pagefind/shards.json")["Access-Control-Allow-Origin"]).toEqual([kgxj.url]);
    expect(headersFor(rules, "/pagefind/index/zh_1.pf_index")["Access-Control-Allow-Origin"]).toEqual([kgxj.url]);
    expect(headersFor(rules, "/search/")["Access-Control-Allow-Origin"]).toBeUndefined();
  });

  it("gives the search page the policy with the peers' origins, and every other page the site's own", () => {
    expect(headersFor(rules, "/search/")["Content-Security-Policy"]).toEqual([formatCsp(searchPageCsp([kgxj]))]);
    expect(headersFor(rules, "/")["Content-Security-Policy"]).toEqual([formatCsp(SITE_CSP)]);
    expect(headersFor(rules, "/index.html")["Content-Security-Policy"]).toEqual([formatCsp(SITE_CSP)]);
  });
});
