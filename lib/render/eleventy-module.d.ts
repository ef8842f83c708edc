declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    /** Stops Eleventy writing to the console (its summary line, its warnings); errors are still thrown. */
    disableLogger(): void;
    toJSON(): Promise<unknown>;
  }
}
