/*
 * The reader's settings (无障碍): what each may be, their defaults and their names, shared by the
 * site script (which loads, cleans, saves and applies them) and the toolbar (which changes them).
 */

/** The localStorage key the settings are saved under, as JSON. */
export const SETTINGS_KEY = "a11y";

/** The colour schemes, in the order the 配色 button cycles through them; the first is the default. */
export const CONTRASTS = ["normal", "high", "yellow", "blue"] as const;
/** The page zoom levels (%), from 100 up to 200; the first is the default. */
export const ZOOMS = [100, 125, 150, 175, 200] as const;

/** The values each setting with a choice may take; the first is the default. */
export const CHOICES = {
  textSize: ["medium", "large", "small"],
  contrast: CONTRASTS,
  zoom: ZOOMS,
  rate: [1, 0.75, 1.25],
} as const;

/** The settings that are on or off (off by default); `open` is the toolbar's own. */
export const SWITCHES = ["plain", "cursor", "crosshair", "captions", "pointRead", "open"] as const;

type Choices = typeof CHOICES;
type Switch = (typeof SWITCHES)[number];

/** A complete, valid set of settings. */
export type Settings = { -readonly [Name in keyof Choices]: Choices[Name][number] } & Record<Switch, boolean>;

/** The colour schemes' names. */
export const SCHEME_NAMES: Record<Settings["contrast"], string> = {
  normal: "默认",
  high: "高对比度",
  yellow: "黑底黄字",
  blue: "蓝底白字",
};

/** The speech rates from slow to fast, as the 语速 button cycles through them, and their names. */
export const RATE_ORDER: readonly Settings["rate"][] = [0.75, 1, 1.25];
export const RATE_NAMES: Record<Settings["rate"], string> = { 0.75: "慢", 1: "中", 1.25: "快" };

/** Anything stored (an object, or null) → complete, valid settings: a value that is not one of its choices becomes the default. */
export function cleanSettings(data: Record<string, unknown> | null): Settings {
  const settings: Record<string, unknown> = {};
  for (const name of Object.keys(CHOICES) as (keyof Choices)[]) {
    const choices: readonly unknown[] = CHOICES[name];
    settings[name] = data && choices.indexOf(data[name]) !== -1 ? data[name] : choices[0];
  }
  for (const name of SWITCHES) settings[name] = Boolean(data && data[name] === true);
  return settings as Settings;
}

/** What 重置 sets: every default but the toolbar's `open`, which stays as it is. */
export const DEFAULTS: Omit<Settings, "open"> = {
  textSize: "medium",
  contrast: "normal",
  zoom: 100,
  rate: 1,
  plain: false,
  cursor: false,
  crosshair: false,
  captions: false,
  pointRead: false,
};
