import { beforeEach } from "vitest";
import { resetQrCodes } from "../lib/qr/index.ts";
import { resetDateCaches } from "../lib/shared/index.ts";

/*
 * A setup file of every project (vitest.config.ts): the files of a worker share one module cache
 * (isolate: false), so the modules that keep state for the life of a process (lib/qr's codes,
 * lib/shared/dates.ts's parsed dates) start each test as in a new process, whatever ran before it.
 */
beforeEach(() => {
  resetQrCodes();
  resetDateCaches();
});
