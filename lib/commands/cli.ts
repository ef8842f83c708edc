import { type ParseArgsConfig, parseArgs } from "node:util";

/** A script's command line: its usage text and the options parseArgs reads. */
export interface CommandSpec {
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  allowPositionals?: boolean;
}

/** What a command line asks for: to run with these values, to print the usage, or a mistake to report. */
export type CommandLine =
  | { kind: "run"; values: Record<string, string | boolean | undefined>; positionals: string[] }
  | { kind: "help"; text: string }
  | { kind: "error"; text: string };

/** The one-line message for a command-line mistake that parseArgs reports, in Chinese and English. */
function mistake(error: { code?: string; message: string }): string {
  const named = /'(-[^']*)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return `不认识的选项「${named}」，用 --help 查看用法 (unknown option ${named}; see --help)`;
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return `选项「${named.split(" ")[0]}」的值不对，用 --help 查看用法 (invalid value for ${named.split(" ")[0]}; see --help)`;
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return `多余的参数「${named || error.message}」，用 --help 查看用法 (unexpected argument; see --help)`;
    default:
      return `${error.message} (see --help)`;
  }
}

/** Reads `argv` against a script's spec; `--help` and `-h` ask for the usage. */
export function readCommandLine(spec: CommandSpec, argv: readonly string[]): CommandLine {
  if (argv.includes("--help") || argv.includes("-h")) return { kind: "help", text: spec.usage };
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: spec.options,
      allowPositionals: spec.allowPositionals ?? false,
      strict: true,
    });
    return { kind: "run", values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    if (error instanceof TypeError && "code" in error)
      return { kind: "error", text: mistake(error as { code?: string; message: string }) };
    throw error;
  }
}

/**
 * The values of the process's command line; prints the usage and exits 0 for `--help`, prints a
 * one-line message and exits 2 for an unknown option or a bad value.
 */
export function commandLineOrExit(spec: CommandSpec, argv: readonly string[] = process.argv.slice(2)) {
  const line = readCommandLine(spec, argv);
  if (line.kind === "help") {
    console.log(line.text);
    process.exit(0);
  }
  if (line.kind === "error") {
    console.error(line.text);
    process.exit(2);
  }
  return line;
}
