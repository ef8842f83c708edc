// Loaded by the /admin/ setup page, shown until _data/cms.yaml names a repository. On the preview
// (npm start, 127.0.0.1) it offers Sveltia CMS's local repository mode, which edits this computer's
// files and needs no repository: the button removes the setup text and loads the CMS as the
// configured page does. Elsewhere the page only says how to set the repository up.
(() => {
  if (!/^(127(\.\d+){3}|localhost|\[::1\])$/.test(window.location.hostname)) return;
  const offer = document.querySelector("[data-local-repository]");
  if (!offer) return;
  offer.hidden = false;
  offer.querySelector("button").addEventListener("click", () => {
    document.querySelectorAll("[data-cms-setup]").forEach((element) => {
      element.remove();
    });
    ["/admin/local-assets.js", "/admin/sveltia-cms.js"].forEach((source) => {
      const script = document.createElement("script");
      script.src = source;
      script.async = false;
      document.body.append(script);
    });
  });
})();
