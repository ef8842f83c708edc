import { describe, expect, it } from "vitest";
import { SETTINGS_KEY } from "../../../../lib/browser/settings.ts";
import { loadSettings, type StorageSource, saveSettings } from "../../../../lib/browser/site/store.ts";

/** A localStorage stand-in over a Map. */
function memoryStorage(entries: Record<string, string> = {}) {
  const items = new Map(Object.entries(entries));
  const store = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
  return { items, source: (() => store) as StorageSource };
}

describe("loadSettings and saveSettings", () => {
  it("read back what was saved, as JSON under the a11y key", () => {
    const { items, source } = memoryStorage();
    const settings = { ...loadSettings(source), zoom: 150 as const, captions: true };
    saveSettings(source, settings);
    expect(JSON.parse(items.get(SETTINGS_KEY) ?? "")).toEqual(settings);
    expect(loadSettings(source)).toEqual(settings);
  });

  it("take over the old text-size and contrast keys once, then drop them", () => {
    const { items, source } = memoryStorage({ textSize: "large", contrast: "high" });
    const settings = loadSettings(source);
    expect(settings).toMatchObject({ textSize: "large", contrast: "high" });
    expect([...items.keys()]).toEqual([SETTINGS_KEY]);
    expect(loadSettings(source)).toEqual(settings);
  });

  it("give the defaults for garbage, and for a storage that throws, which remembers nothing", () => {
    expect(loadSettings(memoryStorage({ [SETTINGS_KEY]: "{not json" }).source).textSize).toBe("medium");
    expect(loadSettings(memoryStorage({ [SETTINGS_KEY]: '"a string"' }).source).contrast).toBe("normal");
    const throwing: StorageSource = () => {
      throw new Error("SecurityError");
    };
    expect(loadSettings(throwing).zoom).toBe(100);
    expect(() => saveSettings(throwing, loadSettings(throwing))).not.toThrow();
  });
});
