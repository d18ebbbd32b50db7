#!/usr/bin/env bash
# Installs the benchmark's peers into throwaway environments under bench/peers/.work/ (gitignored),
# idempotently; each step is skipped when its stamp says that exact version is in place.
#   thumbor  PyPI, its own venv (the 7.8 wheel is prebuilt: nothing compiles, no -dev packages)
#   sharp    npm, its own folder; sharp_server.js finds it through NODE_PATH
#   floor    Debian's libjpeg-turbo-progs (djpeg/cjpeg), the libjpeg-turbo command-line tools
# Versions can be overridden: THUMBOR_VERSION=7.8.0 SHARP_VERSION=0.35.5 bench/peers/setup.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
thumbor_version="${THUMBOR_VERSION:-7.8.0}"
sharp_version="${SHARP_VERSION:-0.35.5}"
apt_packages=(libjpeg-turbo-progs)
mkdir -p "$work"

missing=()
for package in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "peers: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# thumbor 7.8 has wheels for CPython 3.9-3.12 only; prefer the project's interpreter.
python="${THUMBOR_PYTHON:-python3}"
if [ "$(cat "$work/thumbor.stamp" 2>/dev/null)" != "$thumbor_version" ]; then
  echo "peers: installing thumbor $thumbor_version"
  rm -rf "$work/thumbor"
  "$python" -m venv "$work/thumbor"
  "$work/thumbor/bin/python" -m pip install -q --upgrade pip
  "$work/thumbor/bin/python" -m pip install -q "thumbor==$thumbor_version"
  echo "$thumbor_version" > "$work/thumbor.stamp"
fi

if [ "$(cat "$work/sharp.stamp" 2>/dev/null)" != "$sharp_version" ]; then
  echo "peers: installing sharp $sharp_version"
  rm -rf "$work/sharp"
  mkdir -p "$work/sharp"
  (cd "$work/sharp" && npm init -y >/dev/null && npm install --no-audit --no-fund -s "sharp@$sharp_version")
  echo "$sharp_version" > "$work/sharp.stamp"
fi

echo "peers: thumbor $(cat "$work/thumbor.stamp"), sharp $(cat "$work/sharp.stamp"), $(djpeg -version 2>&1 | head -1)"
