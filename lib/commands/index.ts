/*
 * The commands editors and developers run: takes a command line; gives reports and exit codes
 * (check, new, and the shared reading of options with --help).
 */
export { type CheckReport, checkContent } from "./check.ts";
export { type CommandLine, type CommandSpec, commandLineOrExit, readCommandLine } from "./cli.ts";
export { addNotice, createArticle, currentTime, ScaffoldError, type ScaffoldResult } from "./scaffold.ts";
