#!/usr/bin/env bash
# `npm test`: type check, lint, then every vitest suite (unit, integration, browser in Chromium).
# Needs Chromium (CHROMIUM_PATH, default Debian's headless shell, as harness/chromium-path.ts), a
# Chinese font (fonts-noto-cjk, for the screenshots), nginx (the hosting test), xmllint (the sitemap
# schemas) and Java 17 (the W3C HTML checker): each installed from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."

apt_install() {
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    if ! command -v sudo >/dev/null; then
      echo "需要 root 或 sudo 才能安装 $* (root or sudo needed to install $*)" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium-headless-shell}"
if [ ! -x "$CHROMIUM" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "CHROMIUM_PATH=$CHROMIUM_PATH 不是可执行文件 (not an executable)" >&2
    exit 1
  fi
  echo "Chromium 未安装：正在用 apt-get 安装 Debian 的 chromium-headless-shell（浏览器测试需要）… (installing Debian's Chromium headless shell for the browser tests)"
  apt_install chromium-headless-shell
  echo "Chromium 已安装：$("$CHROMIUM" --version)"
fi
export CHROMIUM_PATH="$CHROMIUM"

# The a11y toolbar's browser test saves screenshots of Chinese pages for a person to look at (and
# scripts/screenshots.ts, as harness/cjk-font.ts): without a Chinese font every character is a box.
if ! fc-list :lang=zh family 2>/dev/null | grep -q .; then
  FONT_PACKAGES="fonts-noto-cjk"
  command -v fc-list >/dev/null || FONT_PACKAGES="fonts-noto-cjk fontconfig"
  echo "没有中文字体：正在用 apt-get 安装 Debian 的 $FONT_PACKAGES（截图里的汉字需要）… (installing Debian's $FONT_PACKAGES so that screenshots show Chinese text)"
  # shellcheck disable=SC2086 # one or two package names
  apt_install $FONT_PACKAGES
  echo "中文字体已安装：$(fc-list :lang=zh family | head -n 1)"
fi

if [ ! -x /usr/sbin/nginx ]; then
  echo "nginx 未安装：正在用 apt-get 安装 Debian 的 nginx（部署配置的测试需要，只在测试时于 127.0.0.1 临时启动）… (installing Debian nginx for the hosting test)"
  # Keep the package from starting the system's own nginx on port 80: a policy-rc.d that says no, while installing.
  POLICY=/usr/sbin/policy-rc.d
  if [ ! -e "$POLICY" ]; then
    if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY"
    trap '$SUDO rm -f "$POLICY"' EXIT
  fi
  apt_install nginx
  echo "nginx 已安装：$(/usr/sbin/nginx -v 2>&1)"
fi

if ! command -v xmllint >/dev/null; then
  echo "xmllint 未安装：正在用 apt-get 安装 Debian 的 libxml2-utils（按 sitemaps.org 的 XSD 校验站点地图）… (installing Debian's libxml2-utils to validate the sitemaps against their schemas)"
  apt_install libxml2-utils
fi

if ! command -v java >/dev/null; then
  echo "Java 未安装：正在用 apt-get 安装 openjdk-17-jre-headless（HTML 校验需要）… (installing Java 17 for the HTML checker)"
  apt_install openjdk-17-jre-headless
fi

echo "== tsc --noEmit"
npx tsc --noEmit
echo "== tsc --noEmit -p tsconfig.browser.json"
npx tsc --noEmit -p tsconfig.browser.json
echo "== biome check"
npx biome check .
echo "== vitest"
npx vitest run "$@"
