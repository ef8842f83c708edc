// Loaded by /admin/ before Sveltia CMS. Sveltia fetches its interface translations from
// unpkg.com, which is slow or unreachable from many networks in China; this sends the requests
// for the translations the build copies beside the CMS (/admin/locales/) to the site itself.
(() => {
  const LOCAL = new Set(["zh-CN.json", "zh-TW.json"]);
  const REMOTE = /^https:\/\/unpkg\.com\/@sveltia\/cms@[^/]+\/locales\/([\w-]+\.json)$/;
  const fetchFromNetwork = window.fetch.bind(window);
  window.fetch = (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const match = REMOTE.exec(url);
    if (match && LOCAL.has(match[1])) return fetchFromNetwork(`/admin/locales/${match[1]}`, init);
    return fetchFromNetwork(input, init);
  };
})();
