import type { ShardManifest } from "../../search-protocol/index.ts";
import type { PagefindInstance, PagefindModule } from "./pagefind.ts";

/** A Pagefind instance and the shards merged into it (or being merged). */
export interface Engine {
  pagefind: PagefindInstance;
  merged: Set<number>;
  merging: Map<number, Promise<unknown>>;
}

/**
 * Pagefind's script, published by the search stage. Named by a constant, not a string literal, so
 * esbuild leaves the import() alone: for a literal it would also add its CommonJS interop helpers,
 * unused in an IIFE that keeps import().
 */
const PAGEFIND_SCRIPT = "/pagefind/pagefind.js";

/** Pagefind's module, imported once. */
let pagefindModule: Promise<PagefindModule> | null = null;
/** The current query's Pagefind instance (a promise), and one made ahead for the next query. */
let engine: Promise<Engine> | null = null;
let spare: Promise<Engine> | null = null;

/** Whether this browser runs Pagefind's WebAssembly (it needs reference types: Chromium 96, Safari 15). */
export function canRunPagefind(): boolean {
  try {
    const module = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 4, 4, 1, 111, 0, 1]);
    return typeof WebAssembly === "object" && WebAssembly.validate(module);
  } catch (_error) {
    return false;
  }
}

/** Whether the page has made its Pagefind instance. */
export function hasEngine(): boolean {
  return Boolean(engine);
}

/**
 * A Pagefind instance with the primary index (its scripts, no page), into which shards are merged
 * as needed; a query typed into the page gets a fresh one (freshEngine). Instances share Pagefind's
 * module and worker; the WebAssembly, entries and page lists come again from the HTTP cache.
 */
function createEngine(map: ShardManifest): Promise<Engine> {
  if (!pagefindModule) pagefindModule = import(PAGEFIND_SCRIPT) as Promise<PagefindModule>;
  return pagefindModule.then(async (pagefind) => {
    // Pagefind picks the primary index by <html lang>; the index is segmented by lib/search-protocol,
    // so it is asked for by its own language while the instance is made.
    const root = document.documentElement;
    const lang = root.getAttribute("lang");
    root.setAttribute("lang", map.primary.language);
    // Pagefind also registers every result with a FinalizationRegistry, to tell its worker when the
    // result is collected: one message per result in one task after a collection (docs/search.md).
    // Made without it, the instance's worker keeps the results' data until the instance is destroyed,
    // which the next query does (freshEngine).
    const scope = globalThis as { FinalizationRegistry?: unknown };
    const registry = scope.FinalizationRegistry;
    let instance: PagefindInstance;
    try {
      scope.FinalizationRegistry = undefined;
      instance = pagefind.createInstance({ metaCacheTag: map.version });
    } finally {
      scope.FinalizationRegistry = registry;
      if (lang === null) root.removeAttribute("lang");
      else root.setAttribute("lang", lang);
    }
    await instance.init();
    return { pagefind: instance, merged: new Set<number>(), merging: new Map<number, Promise<unknown>>() };
  });
}

/**
 * An instance for one other site of the 站群: this site's primary index (its scripts and WebAssembly,
 * already in the HTTP cache) into which the peer's shards are merged from its own origin. Apart
 * from the page's own instance, so the shard filter names of two sites never meet; the caller
 * destroys it.
 */
export function createPeerEngine(map: ShardManifest): Promise<Engine> {
  return createEngine(map);
}

/** Settles once the page's Pagefind instance (if one is being made) is ready or failed: its files are then fetched. */
export function engineSettled(): Promise<void> {
  const ignore = () => undefined;
  return engine ? engine.then(ignore, ignore) : Promise.resolve();
}

/** The page's Pagefind instance, made on first use. */
export function loadEngine(map: ShardManifest): Promise<Engine> {
  if (!engine) engine = createEngine(map);
  return engine;
}

/**
 * A new instance for a query typed into the page: Pagefind searches every index merged into an
 * instance, so one kept from an earlier query would load the index chunks of every shard that query
 * read. The spare one made while the reader was reading is taken when there is one; the old
 * instance is destroyed once the new one is ready.
 */
export function freshEngine(map: ShardManifest): Promise<Engine> {
  const previous = engine;
  const next = spare || createEngine(map);
  engine = next;
  spare = null;
  if (previous)
    next
      .then(() => previous)
      .then((old) => old.pagefind.destroy())
      .catch(() => undefined);
  return next;
}

/** Makes the next query's instance ahead (once a search is complete, or the reader is in the search box). */
export function prepareSpare(map: ShardManifest): void {
  if (!spare && engine) spare = createEngine(map);
}

/** Merges shard `index` into an instance, once. */
export function mergeShard(loaded: Engine, map: ShardManifest, index: number): Promise<unknown> {
  if (loaded.merged.has(index)) return Promise.resolve();
  let merging = loaded.merging.get(index);
  if (!merging) {
    const shard = map.shards[index] as ShardManifest["shards"][number];
    merging = loaded.pagefind
      .mergeIndex(shard.path, { language: shard.language, metaCacheTag: map.version })
      .then(() => loaded.merged.add(index));
    loaded.merging.set(index, merging);
  }
  return merging;
}
