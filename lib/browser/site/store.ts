import { cleanSettings, SETTINGS_KEY, type Settings } from "../settings.ts";

/** Where settings are kept: a page's localStorage, which may be missing or throw (WeChat, private browsing). */
export type StorageSource = () => Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** Runs `action` on the storage; null when there is none or it throws (then nothing is remembered). */
function withStorage<T>(source: StorageSource, action: (store: ReturnType<StorageSource>) => T): T | null {
  try {
    return action(source());
  } catch (_error) {
    return null;
  }
}

/** Saves settings under SETTINGS_KEY and drops the keys of the old text-size and contrast buttons. */
export function saveSettings(source: StorageSource, settings: Settings): void {
  withStorage(source, (store) => {
    store.setItem(SETTINGS_KEY, JSON.stringify(settings));
    store.removeItem("textSize");
    store.removeItem("contrast");
  });
}

/** The saved settings; the first time, those of the old text-size and contrast buttons (then saved under the new key). */
export function loadSettings(source: StorageSource): Settings {
  let data: Record<string, unknown> | null = null;
  try {
    data = JSON.parse(withStorage(source, (store) => store.getItem(SETTINGS_KEY)) || "null");
  } catch (_error) {}
  if (data && typeof data === "object") return cleanSettings(data);
  const old = withStorage(source, (store) => ({
    textSize: store.getItem("textSize"),
    contrast: store.getItem("contrast"),
  }));
  const settings = cleanSettings(old);
  if (old && (old.textSize || old.contrast)) saveSettings(source, settings);
  return settings;
}
