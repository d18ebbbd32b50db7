#!/usr/bin/env bash
# Installs everything pixmill needs into .venv, idempotently: Debian packages listed in
# scripts/apt-packages*.txt (only the missing ones), then the Python package (re-run only when
# pyproject.toml changed), then the model files (pixmill models install, when that command exists).
# Usage: scripts/setup.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

dev=false
[ "${1:-}" = "--dev" ] && dev=true

lists=(scripts/apt-packages.txt)
$dev && lists+=(scripts/apt-packages-dev.txt)
missing=()
for list in "${lists[@]}"; do
  [ -f "$list" ] || continue
  while read -r package _; do
    [ -z "$package" ] || [ "${package:0:1}" = "#" ] && continue
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
  done < "$list"
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extra=""
$dev && extra="[dev]"
stamp=".venv/.pixmill-installed$extra"
fingerprint=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$fingerprint" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$extra"
  echo "$fingerprint" > "$stamp"
fi

if .venv/bin/pixmill models --help >/dev/null 2>&1; then
  .venv/bin/pixmill models install
fi
