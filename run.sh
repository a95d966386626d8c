#!/usr/bin/env bash
# Set up everything ladder needs on a fresh Debian machine, then run one task:
#   ./run.sh demo     render the built-in ladder and every example into output/
#   ./run.sh test     run the test suite (extra arguments go to pytest)
#   ./run.sh bench    benchmark org charts against Graphviz dot (extra arguments go to it)
#   ./run.sh ladder … run the ladder command itself, in the current folder
# It installs what is missing and nothing else: the Graphviz executables (apt-get, with sudo
# when not root), a virtual environment in .venv, and the package with its dev tools.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

usage() { sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  echo "run.sh: installing $* with apt-get" >&2
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

task=${1:-}
case "$task" in
  demo|test|bench|ladder) shift ;;
  *) [ -n "$task" ] && echo "run.sh: unknown task '$task'" >&2; usage >&2; exit 2 ;;
esac

command -v dot >/dev/null 2>&1 || apt_install graphviz fonts-dejavu-core
# Fallback faces for what the shipped Liberation Sans lacks: DejaVu (Arabic, Hebrew, ...),
# WenQuanYi Micro Hei (Hangul, CJK, kana; 1.6 MB), Noto (Devanagari, Thai and the other
# scripts; 12 MB) and Symbola (emoji up to Unicode 9, in outline; 1.3 MB), in the folders
# graphviz_backend names. Colour emoji fonts are left out: Graphviz's Cairo draws them blank.
fonts=/usr/share/fonts/truetype
if { [ ! -d $fonts/dejavu ] || [ ! -d $fonts/wqy ] || [ ! -d $fonts/noto ] \
       || [ ! -d $fonts/ancient-scripts ]; } && command -v apt-get >/dev/null 2>&1; then
  apt_install fonts-dejavu-core fonts-wqy-microhei fonts-noto-core fonts-symbola
fi

PYTHON=${PYTHON:-python3}
VENV="$ROOT/.venv"
if [ ! -x "$VENV/bin/python" ]; then
  # Debian's own Python keeps venv in a separate package.
  "$PYTHON" -m venv "$VENV" 2>/dev/null \
    || { rm -rf "$VENV"; apt_install python3-venv; "$PYTHON" -m venv "$VENV"; }
fi
stamp="$VENV/.installed-$(sha1sum "$ROOT/pyproject.toml" | cut -c1-12)"
if [ ! -f "$stamp" ]; then
  echo "run.sh: installing ladder and its dev tools into .venv" >&2
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$ROOT[dev]"
  touch "$stamp"
fi
# Bytecode for ladder's own modules: pip compiles the dependencies it installs, but an editable
# install leaves the package as source, and a machine that sets PYTHONDONTWRITEBYTECODE would
# then compile every module again on every run (15 ms of the built-in ladder's 100 ms).
# compileall writes it all the same and only recompiles what changed (0.05 s when up to date).
# A module that does not compile is left to the task itself to report (with -q compileall
# prints only such errors).
"$VENV/bin/python" -m compileall -q "$ROOT/ladder" || true

# The browser tests (marked needs_browser) drive Debian's chromium through Playwright, and
# check the Mermaid export with the real Mermaid library from the npm registry, kept here.
MERMAID_VERSION=12.3.0
if [ "$task" = test ]; then
  command -v chromium >/dev/null 2>&1 || apt_install chromium
  if [ ! -f "$ROOT/.cache/npm/node_modules/mermaid/package.json" ] \
      || ! grep -q "\"version\": \"$MERMAID_VERSION\"" \
           "$ROOT/.cache/npm/node_modules/mermaid/package.json"; then
    command -v npm >/dev/null 2>&1 || apt_install npm
    echo "run.sh: installing mermaid $MERMAID_VERSION from npm into .cache/npm" >&2
    npm install --silent --no-audit --no-fund --no-save --prefix "$ROOT/.cache/npm" \
      "mermaid@$MERMAID_VERSION" >&2
  fi
fi

case "$task" in
  demo) cd "$ROOT" && exec "$VENV/bin/ladder" demo "$@" ;;
  test) cd "$ROOT" && exec "$VENV/bin/python" -m pytest "$@" ;;
  bench) cd "$ROOT" && exec "$VENV/bin/python" -m bench.bench_orgs "$@" ;;
  ladder) exec "$VENV/bin/ladder" "$@" ;;
esac
