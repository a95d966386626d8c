#!/usr/bin/env bash
# Set up everything ladder needs on a fresh Debian machine, then run one task:
#   ./run.sh demo     render the built-in ladder and every example into output/
#   ./run.sh test     run the test suite (extra arguments go to pytest)
#   ./run.sh bench    benchmark org charts against Graphviz dot (extra arguments go to the script)
#   ./run.sh ladder … run the ladder command itself
# It installs what is missing and nothing else: the Graphviz executables (apt-get, with sudo
# when not root), a virtual environment in .venv, and the package with its dev tools.
set -euo pipefail
cd "$(dirname "$0")"

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  echo "run.sh: installing $* with apt-get" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v dot >/dev/null 2>&1 || apt_install graphviz fonts-dejavu-core

PYTHON=${PYTHON:-python3}
VENV=.venv
if [ ! -x "$VENV/bin/python" ]; then
  # Debian's own Python keeps venv in a separate package.
  "$PYTHON" -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; "$PYTHON" -m venv "$VENV"; }
fi
stamp="$VENV/.installed-$(sha1sum pyproject.toml | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "run.sh: installing ladder and its dev tools into $VENV" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e '.[dev]'
  touch "$stamp"
fi

task=${1:-help}
shift || true
case "$task" in
  demo) exec "$VENV/bin/ladder" demo "$@" ;;
  test) exec "$VENV/bin/python" -m pytest "$@" ;;
  bench) exec "$VENV/bin/python" bench/bench_orgs.py "$@" ;;
  ladder) exec "$VENV/bin/ladder" "$@" ;;
  *) sed -n '2,9p' "$0"; exit 2 ;;
esac
