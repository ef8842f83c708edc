import { describe, expect, it } from "vitest";
import type { GroupSite } from "../../../lib/group/index.ts";
import { runForEachSite } from "../../../lib/group/index.ts";

const site = (name: string, line: number): GroupSite => ({
  name,
  root: `sites/${name}`,
  dir: `/repo/sites/${name}`,
  line,
});
const sites = [site("a", 2), site("b", 4), site("c", 6)];

/** A child that prints its site's name on stdout and stderr, then exits with `code`. */
const child = (name: string, code = 0) => ({
  program: process.execPath,
  args: ["-e", `console.log("out ${name}"); console.error("err ${name}"); process.exit(${code})`],
});

describe("runForEachSite with sites run in this process", () => {
  it("runs that site here and the others as children, every line prefixed, the runs in the group's order", async () => {
    const lines: string[] = [];
    const spawned: string[] = [];
    const runs = await runForEachSite(sites, {
      concurrency: 2,
      command: (entry) => {
        spawned.push(entry.name);
        return child(entry.name);
      },
      write: (line, stream) => lines.push(`${stream} ${line}`),
      inProcess: {
        has: (entry) => entry.name === "b",
        run: async (_, write) => {
          write("built here\nsecond line", "stdout");
          return 0;
        },
      },
    });
    expect(spawned.sort()).toEqual(["a", "c"]);
    expect(runs.map((run) => [run.site.name, run.exitCode])).toEqual([
      ["a", 0],
      ["b", 0],
      ["c", 0],
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        "stdout [b] built here",
        "stdout [b] second line",
        "stdout [a] out a",
        "stderr [a] err a",
        "stdout [c] out c",
        "stderr [c] err c",
      ]),
    );
  });

  it("gives the site run here exit code 1 when it throws, and still runs the others", async () => {
    const lines: string[] = [];
    const runs = await runForEachSite(sites, {
      concurrency: 2,
      command: (entry) => child(entry.name, entry.name === "c" ? 3 : 0),
      write: (line, stream) => lines.push(`${stream} ${line}`),
      inProcess: {
        has: (entry) => entry.name === "a",
        run: async () => {
          throw new Error("坏了");
        },
      },
    });
    expect(runs.map((run) => run.exitCode)).toEqual([1, 0, 3]);
    expect(lines).toContainEqual(expect.stringMatching(/^stderr \[a\] Error: 坏了/));
  });

  it("lets a site run here take one of the places: with one place, the children run first and it after them", async () => {
    const events: string[] = [];
    const runs = await runForEachSite(sites.slice(0, 2), {
      concurrency: 1,
      command: (entry) => {
        events.push(`spawn ${entry.name}`);
        return child(entry.name);
      },
      write: (line) => events.push(line),
      inProcess: {
        has: (entry) => entry.name === "a",
        run: async () => {
          events.push("here starts");
          await new Promise((resolve) => setImmediate(resolve));
          events.push("here ends");
          return 0;
        },
      },
    });
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
    expect(events.slice(0, 3).sort()).toEqual(["[b] err b", "[b] out b", "spawn b"]);
    expect(events.slice(3)).toEqual(["here starts", "here ends"]);
  });

  it("runs several sites here side by side, each with its own exit code and prefix, and no child", async () => {
    const lines: string[] = [];
    const started: string[] = [];
    let release = () => {};
    const bothStarted = new Promise<void>((resolve) => {
      release = resolve;
    });
    const runs = await runForEachSite(sites, {
      concurrency: 2,
      command: () => {
        throw new Error("no child expected");
      },
      write: (line, stream) => lines.push(`${stream} ${line}`),
      inProcess: {
        has: () => true,
        run: async (entry, write) => {
          started.push(entry.name);
          if (started.length === 2) release();
          await bothStarted;
          write(`built ${entry.name}`, "stdout");
          return entry.name === "b" ? 1 : 0;
        },
      },
    });
    expect(started).toEqual(["a", "b", "c"]);
    expect(runs.map((run) => [run.site.name, run.exitCode])).toEqual([
      ["a", 0],
      ["b", 1],
      ["c", 0],
    ]);
    expect(lines).toEqual(expect.arrayContaining(["stdout [a] built a", "stdout [b] built b", "stdout [c] built c"]));
  });
});
