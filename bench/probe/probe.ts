/**
 * The page probe, installed in every page of the first-search bench before its own scripts
 * (bundled by ../page-probe.ts). It records long tasks (PerformanceObserver `longtask`), the moment
 * Enter is pressed (kept in sessionStorage across a navigation) and, for each query the results box
 * shows (its `data-query`, else the address's `q`), when the first results and the complete results
 * were painted (the animation frame after the DOM change): first = `.search-count` with at least
 * one `.search-result`, or `.search-empty` / `.search-error`; complete =
 * `.search-count[data-complete="true"]`, or the empty or error message; idle = the results box's
 * `data-state="idle"` after the first results (the page waits for the reader; complete for a page
 * without the attribute). A count that never carries
 * `data-complete` and reads 找到 N 条结果 (today's client) counts as complete at its first results
 * once `graceMs` pass without the attribute (`inferred`).
 */
import type { Mark, ProbeOptions, ProbeState } from "./marks.ts";

/** Replaced by the bench's options when it bundles the probe (esbuild's `define`). */
declare const PROBE_OPTIONS: ProbeOptions;

declare global {
  interface Window {
    __bench?: ProbeState;
  }
}

const ENTER_KEY = "__benchEnterAt";

const now = () => performance.timeOrigin + performance.now();

/** The number in the count's text (找到 1,234 条结果, 已找到 20 条…). */
function countOf(node: Element | null): number | undefined {
  const digits = /([\d,]+)\s*条/.exec(node?.textContent || "")?.[1];
  return digits === undefined ? undefined : Number(digits.replace(/,/g, ""));
}

const shortText = (node: Element | null) => (node?.textContent || "").trim().slice(0, 60);

/** Sets `mark[field]` at the next animation frame: when what was just seen is painted. */
function whenPainted(mark: Mark, field: "first" | "complete" | "idle"): void {
  requestAnimationFrame(() => {
    mark[field] = now();
  });
}

function observeLongTasks(state: ProbeState): void {
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.longTasks.push({ start: performance.timeOrigin + entry.startTime, duration: entry.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    state.noLongTasks = String(error);
  }
}

function recordEnter(state: ProbeState): void {
  try {
    const saved = sessionStorage.getItem(ENTER_KEY);
    if (saved) state.enterAt = Number(saved);
  } catch {}
  addEventListener(
    "keydown",
    (event) => {
      if (event.key !== "Enter") return;
      state.enterAt = now();
      try {
        sessionStorage.setItem(ENTER_KEY, String(state.enterAt));
      } catch {}
    },
    true,
  );
}

/** After `graceMs` without `data-complete`, takes the first results as complete (once they are painted). */
function inferCompleteLater(mark: Mark, box: Element, graceMs: number): void {
  mark.waiting = true;
  setTimeout(() => {
    if (mark.completeSeen !== undefined || mark.completeAttr) return;
    const latest = box.querySelector(".search-count");
    mark.inferred = true;
    mark.completeSeen = mark.firstSeen;
    mark.count = countOf(latest);
    mark.text = shortText(latest);
    const settle = () => {
      if (mark.first === undefined) setTimeout(settle, 20);
      else {
        mark.complete = mark.first;
        if (mark.idleSeen === undefined) {
          mark.idleSeen = mark.firstSeen;
          mark.idleCount = mark.count;
          mark.idle = mark.first;
        }
      }
    };
    settle();
  }, Math.round(graceMs));
}

/** Looks at the results box after a DOM change and marks what it shows for the first time. */
function check(state: ProbeState, graceMs: number): void {
  const box = document.querySelector(".search-results");
  if (!box) return;
  const query = (box.getAttribute("data-query") ?? new URLSearchParams(location.search).get("q") ?? "").trim();
  const mark: Mark = state.marks[query] ?? {};
  state.marks[query] = mark;
  const count = box.querySelector(".search-count");
  const ended = box.querySelector(".search-empty, .search-error");
  const shown = ended ? (ended.classList.contains("search-error") ? "error" : "empty") : "results";
  if (count?.hasAttribute("data-complete")) mark.completeAttr = true;
  if (mark.firstSeen === undefined && (ended || (count && box.querySelector(".search-result")))) {
    mark.firstSeen = now();
    mark.shown = shown;
    mark.firstCount = ended ? 0 : countOf(count);
    mark.firstText = shortText(count ?? ended);
    whenPainted(mark, "first");
  }
  if (mark.completeSeen === undefined && (ended || count?.getAttribute("data-complete") === "true")) {
    mark.completeSeen = now();
    mark.shown = shown;
    mark.count = ended ? 0 : countOf(count);
    mark.text = shortText(count ?? ended);
    whenPainted(mark, "complete");
  }
  const waiting = box.hasAttribute("data-state")
    ? box.getAttribute("data-state") === "idle"
    : mark.completeSeen !== undefined;
  if (mark.idleSeen === undefined && mark.firstSeen !== undefined && waiting) {
    mark.idleSeen = now();
    mark.idleCount = ended ? 0 : countOf(count);
    mark.idleApprox = /^\s*约/.test(count?.textContent || "");
    whenPainted(mark, "idle");
  }
  if (
    mark.firstSeen !== undefined &&
    mark.completeSeen === undefined &&
    !mark.completeAttr &&
    !mark.waiting &&
    count &&
    /^\s*找到/.test(count.textContent || "")
  )
    inferCompleteLater(mark, box, graceMs);
}

/** Installs the probe in this page (the top frame only, once). */
function install(options: ProbeOptions): void {
  if (window.top !== window || window.__bench) return;
  const state: ProbeState = { origin: performance.timeOrigin, longTasks: [], marks: {} };
  Object.defineProperty(window, "__bench", { value: state });
  observeLongTasks(state);
  recordEnter(state);
  new MutationObserver(() => check(state, options.graceMs)).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    characterData: true,
  });
}

install(PROBE_OPTIONS);
