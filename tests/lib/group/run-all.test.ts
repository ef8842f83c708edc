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

describe("runForEachSite with one site run in this process", () => {
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
        site: sites[1] as GroupSite,
        run: async (write) => {
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
        site: sites[0] as GroupSite,
        run: async () => {
          throw new Error("坏了");
        },
      },
    });
    expect(runs.map((run) => run.exitCode)).toEqual([1, 0, 3]);
    expect(lines).toContainEqual(expect.stringMatching(/^stderr \[a\] Error: 坏了/));
  });

  it("lets the site run here take one of the places: with one place, the next child starts after it", async () => {
    const events: string[] = [];
    const runs = await runForEachSite(sites.slice(0, 2), {
      concurrency: 1,
      command: (entry) => {
        events.push(`spawn ${entry.name}`);
        return child(entry.name);
      },
      inProcess: {
        site: sites[0] as GroupSite,
        run: async () => {
          events.push("here starts");
          await new Promise((resolve) => setImmediate(resolve));
          events.push("here ends");
          return 0;
        },
      },
    });
    expect(runs.map((run) => run.exitCode)).toEqual([0, 0]);
    expect(events).toEqual(["here starts", "here ends", "spawn b"]);
  });
});
