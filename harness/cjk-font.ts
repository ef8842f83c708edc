/**
 * A font with Chinese characters for the pages Chromium draws: without one (a fresh Debian machine
 * has none) every Chinese character of a screenshot is an empty box. Debian's `fonts-noto-cjk` is
 * installed from apt as `scripts/test.sh` installs Chromium; `scripts/test.sh` installs it too.
 */
import { execFileSync } from "node:child_process";

/** The Debian package installed when no Chinese font is found. */
export const CJK_FONT_PACKAGE = "fonts-noto-cjk";

/** The command a person runs to install it. */
export const CJK_FONT_INSTALL_COMMAND = `sudo apt-get install -y ${CJK_FONT_PACKAGE}`;

/** The families fontconfig has for Chinese (`fc-list :lang=zh family`), Simplified Chinese first; none without fc-list. */
export function chineseFontFamilies(): string[] {
  try {
    const listed = execFileSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
    const families = [...new Set(listed.split("\n").map((line) => line.trim()))].filter(Boolean).sort();
    return [
      ...families.filter((family) => /\bSC\b/.test(family)),
      ...families.filter((family) => !/\bSC\b/.test(family)),
    ];
  } catch {
    return [];
  }
}

/** Whether a command is on PATH. */
function onPath(command: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${command}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Why the font cannot be installed here, with the command to run; undefined when apt-get can run. */
function cannotInstall(): string | undefined {
  const root = process.getuid?.() === 0;
  if (!onPath("apt-get")) return "没有 apt-get (no apt-get)";
  if (!root && !onPath("sudo")) return "需要 root 或 sudo (root or sudo needed)";
  return undefined;
}

/**
 * Makes sure Chromium finds a Chinese font: when fontconfig has none, installs `fonts-noto-cjk` with
 * apt-get (saying so, in Chinese and English, on `log`); throws, naming the command to run, when it
 * cannot. Returns the first Chinese family found.
 */
export function ensureChineseFont(log: (line: string) => void = console.error): string {
  const found = chineseFontFamilies()[0];
  if (found) return found;
  const reason = cannotInstall();
  if (reason)
    throw new Error(
      `没有中文字体，截图里的汉字会显示成方框；${reason}，请先运行：${CJK_FONT_INSTALL_COMMAND}\n` +
        `(no Chinese font: every Chinese character would be a box; run: ${CJK_FONT_INSTALL_COMMAND})`,
    );
  // fc-list itself comes from fontconfig, which a machine without fonts may lack.
  const packages = onPath("fc-list") ? [CJK_FONT_PACKAGE] : [CJK_FONT_PACKAGE, "fontconfig"];
  log(
    `没有中文字体：正在用 apt-get 安装 Debian 的 ${packages.join(" ")}（截图里的汉字需要）… ` +
      `(installing Debian's ${packages.join(" ")} so that screenshots show Chinese text)`,
  );
  // Through env, so that DEBIAN_FRONTEND reaches apt-get under sudo too.
  const prefix = [...(process.getuid?.() === 0 ? [] : ["sudo"]), "env", "DEBIAN_FRONTEND=noninteractive"];
  const run = (args: string[]) => {
    const [command, ...rest] = [...prefix, ...args] as [string, ...string[]];
    execFileSync(command, rest, { stdio: ["ignore", "ignore", "inherit"] });
  };
  run(["apt-get", "update", "-qq"]);
  run(["apt-get", "install", "-y", "-qq", ...packages]);
  const installed = chineseFontFamilies()[0];
  if (!installed)
    throw new Error(
      `已安装 ${CJK_FONT_PACKAGE}，但 fc-list :lang=zh 仍然找不到中文字体 (installed, but fontconfig finds no Chinese font)`,
    );
  log(`中文字体已安装 (Chinese font installed)：${installed}`);
  return installed;
}
