#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium); install it when missing,
# with a CJK font so screenshots are legible. Only where Debian has no chromium package
# (an Ubuntu CI runner) is Playwright's own build downloaded instead.
#
# No command's output is piped into an early-exiting reader (`grep -q`): under pipefail
# the writer's SIGPIPE (exit 141) would turn "found" into "not found". Output is captured
# whole, then matched.
set -euo pipefail
CHROMIUM=/usr/bin/chromium
if [ -x "$CHROMIUM" ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "Chromium is missing and we are not root: run 'sudo apt-get install -y chromium fonts-wqy-zenhei'" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
policy="$(apt-cache policy chromium 2>/dev/null || true)"
case "$policy" in
  *"Candidate: "[0-9]*)
    echo "ensure-chromium: installing Debian's chromium with apt" >&2
    $SUDO apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
    if [ ! -x "$CHROMIUM" ]; then
      echo "ensure-chromium: apt-get installed chromium but $CHROMIUM is still missing" >&2; exit 1
    fi
    ;;
  *)
    echo "ensure-chromium: no Debian chromium package here; downloading Playwright's Chromium" >&2
    $SUDO apt-get install -y -qq fonts-wqy-zenhei >/dev/null || true
    "${PYTHON:-.venv/bin/python}" -m playwright install --with-deps chromium
    ;;
esac
