#!/usr/bin/env bash
# `npm test`: type check, lint, then every vitest suite (unit, integration, browser in Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Chromium 未安装：正在用 apt-get 安装 Debian 的 chromium（浏览器测试需要）… (installing Debian chromium for the browser tests)"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  echo "Chromium 已安装：$(/usr/bin/chromium --version)"
fi

echo "== tsc --noEmit"
npx tsc --noEmit
echo "== biome check"
npx biome check .
echo "== vitest"
npx vitest run "$@"
