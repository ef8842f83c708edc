#!/usr/bin/env bash
# `npm test`: type check, lint, then every vitest suite (unit, integration, browser in Chromium).
# Needs Chromium (CHROMIUM_PATH, default /usr/bin/chromium: installed from Debian's packages when
# missing) and Java 17 for the W3C HTML checker.
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

CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if [ -n "${CHROMIUM_PATH:-}" ]; then
    echo "CHROMIUM_PATH=$CHROMIUM_PATH 不是可执行文件 (not an executable)" >&2
    exit 1
  fi
  echo "Chromium 未安装：正在用 apt-get 安装 Debian 的 chromium（浏览器测试需要）… (installing Debian chromium for the browser tests)"
  apt_install chromium
  echo "Chromium 已安装：$(/usr/bin/chromium --version)"
fi

if ! command -v java >/dev/null; then
  echo "Java 未安装：正在用 apt-get 安装 openjdk-17-jre-headless（HTML 校验需要）… (installing Java 17 for the HTML checker)"
  apt_install openjdk-17-jre-headless
fi

echo "== tsc --noEmit"
npx tsc --noEmit
echo "== biome check"
npx biome check .
echo "== vitest"
npx vitest run "$@"
