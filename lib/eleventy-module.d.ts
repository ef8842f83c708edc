declare module "@11ty/eleventy" {
  export default class Eleventy {
    constructor(input?: string, output?: string, options?: Record<string, unknown>);
    write(): Promise<unknown>;
    toJSON(): Promise<unknown>;
  }
}
