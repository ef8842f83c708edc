import type { Settings } from "./settings.ts";

/*
 * The one global between two bundles: the site script (site.js, on every page) publishes its settings
 * as `window.siteA11y`; the toolbar (a11y-toolbar.js, loaded on demand) reads and changes them there
 * and registers itself. The search page needs neither.
 */

/** What the toolbar gives the site script once it is ready. */
export interface Toolbar {
  /** Opens the toolbar; `focus`: moves the focus to its current control. */
  open(focus: boolean): void;
  /** Closes it; reading stops, every other setting stays. `focus`: back to the 无障碍 button. */
  close(focus: boolean): void;
  toggle(): void;
  isOpen(): boolean;
}

/** The site script's settings, as `window.siteA11y`. */
export interface SiteA11y {
  settings: Settings;
  /** The toolbar, once it is ready. */
  toolbar?: Toolbar;
  /** The toolbar's stylesheet link, once the site script has added it. */
  stylesheet?: HTMLLinkElement;
  /** Settings → attributes of <html> and the state of the page's own buttons. */
  apply(): void;
  /** Loads the toolbar once, then runs `then(toolbar)`. */
  withToolbar(then?: (toolbar: Toolbar) => void): void;
  /** Changes, applies and remembers settings, and tells the toolbar. */
  set(changes: Partial<Settings>): void;
  onChange(listener: (settings: Settings) => void): void;
  /** Called by the toolbar once it is ready. */
  ready(toolbar: Toolbar): void;
}

declare global {
  interface Window {
    siteA11y?: SiteA11y;
  }
}
