/** The part of Eleventy's UserConfig this project uses (Eleventy ships no type declarations). */
export interface EleventyConfig {
  setInputDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setDataDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setTemplateFormats(formats: string[]): void;
  addFilter(name: string, filter: (...args: never[]) => unknown): void;
  addGlobalData(name: string, data: unknown): void;
  addNunjucksGlobal(name: string, value: unknown): void;
  addTemplate(virtualPath: string, content: string, data?: Record<string, unknown>): void;
  /** Globs (relative to the working folder) Eleventy never reads as templates. */
  ignores: Set<string>;
  on(event: string, callback: (...args: never[]) => unknown): void;
  /** Eleventy's own timing of configuration callbacks (filters), which warns on the console unless quieted. */
  benchmarks?: { config?: { setIsVerbose(verbose: boolean): void } };
}

/** A page as Eleventy's collections hold it. */
export interface CollectionItem {
  url: string | false;
  data: Record<string, unknown>;
}
