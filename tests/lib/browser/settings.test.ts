import { describe, expect, it } from "vitest";
import {
  CHOICES,
  CONTRASTS,
  cleanSettings,
  DEFAULTS,
  RATE_NAMES,
  RATE_ORDER,
  SCHEME_NAMES,
  SWITCHES,
  ZOOMS,
} from "../../../lib/browser/settings.ts";

describe("cleanSettings", () => {
  it("gives every default for nothing stored, each choice's first value and every switch off", () => {
    expect(cleanSettings(null)).toEqual({
      textSize: "medium",
      contrast: "normal",
      zoom: 100,
      rate: 1,
      plain: false,
      cursor: false,
      crosshair: false,
      captions: false,
      pointRead: false,
      open: false,
    });
  });

  it("keeps valid values and replaces anything else with the default", () => {
    const settings = cleanSettings({
      textSize: "large",
      contrast: "purple",
      zoom: "150",
      rate: 1.25,
      plain: true,
      cursor: "true",
      open: 1,
      extra: "dropped",
    });
    expect(settings).toMatchObject({ textSize: "large", contrast: "normal", zoom: 100, rate: 1.25, plain: true });
    expect(settings.cursor).toBe(false);
    expect(settings.open).toBe(false);
    expect(Object.keys(settings)).toEqual([...Object.keys(CHOICES), ...SWITCHES]);
  });
});

describe("the settings' choices", () => {
  it("reset to the defaults of every setting but the toolbar's open state", () => {
    const { open, ...defaults } = cleanSettings(null);
    expect(open).toBe(false);
    expect(DEFAULTS).toEqual(defaults);
    expect(Object.keys(DEFAULTS)).not.toContain("open");
  });

  it("name every colour scheme and rate, the rates slow to fast and the zoom levels 100 to 200", () => {
    expect(Object.keys(SCHEME_NAMES)).toEqual([...CONTRASTS]);
    expect(CHOICES.contrast).toBe(CONTRASTS);
    expect(CHOICES.zoom).toBe(ZOOMS);
    expect([...RATE_ORDER]).toEqual([...CHOICES.rate].sort((a, b) => a - b));
    expect(RATE_ORDER.map((rate) => RATE_NAMES[rate])).toEqual(["慢", "中", "快"]);
    expect([ZOOMS[0], ZOOMS[ZOOMS.length - 1]]).toEqual([100, 200]);
  });
});
