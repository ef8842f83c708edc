/*
 * 预览自动刷新 — loaded by every HTML page the preview server (`npm start`) sends, never published:
 * reloads the page when a new build is in place or the last build failed (the server then shows
 * the problems instead of the page).
 */
(() => {
  if (typeof EventSource === "undefined") return;
  const events = new EventSource("/__preview/events");
  events.addEventListener("build", () => window.location.reload());
})();
