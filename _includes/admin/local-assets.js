// Loaded by /admin/ before Sveltia CMS. Sveltia fetches its interface translations from
// unpkg.com, which is slow or unreachable from many networks in China; this sends the requests
// for the translations the build copies beside the CMS (/admin/locales/) to the site itself. Its
// other calls to third parties (the version check on unpkg.com, GitHub's status page) are answered
// here as if offline, so the editor's browser asks no host but the site and the Git host; the
// admin Content-Security-Policy would refuse them anyway (lib/publish/headers.ts, adminCsp).
(() => {
  const LOCAL = new Set(["zh-CN.json", "zh-TW.json"]);
  const REMOTE = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/([\w-]+\.json)$/;
  const REFUSED = /^https:\/\/(unpkg\.com|cdn\.jsdelivr\.net|www\.githubstatus\.com)\//;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const match = REMOTE.exec(url);
    if (match && LOCAL.has(match[1])) return fetchFromNetwork(`/admin/locales/${match[1]}`, init);
    if (REFUSED.test(url)) return Promise.reject(new TypeError(`Not fetched (third-party host): ${url}`));
    return fetchFromNetwork(input, init);
  };
})();
