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

if [ ! -x /usr/sbin/nginx ]; then
  echo "nginx 未安装：正在用 apt-get 安装 Debian 的 nginx（部署配置的测试需要，只在测试时于 127.0.0.1 临时启动）… (installing Debian nginx for the hosting test)"
  if [ "$(id -u)" = "0" ]; then SUDO=""; else SUDO="sudo"; fi
  # Keep the package from starting the system's own nginx on port 80: a policy-rc.d that says no, while installing.
  POLICY=/usr/sbin/policy-rc.d
  if [ ! -e "$POLICY" ]; then
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY"
    trap '$SUDO rm -f "$POLICY"' EXIT
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx >/dev/null
  echo "nginx 已安装：$(/usr/sbin/nginx -v 2>&1)"
fi

echo "== tsc --noEmit"
npx tsc --noEmit
echo "== biome check"
npx biome check .
echo "== vitest"
npx vitest run "$@"
