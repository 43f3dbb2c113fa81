#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (/usr/bin/chromium); install it when missing,
# with a CJK font so screenshots are legible. Where Debian's package does not exist (an
# Ubuntu CI runner), Playwright's own Chromium build is installed instead.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
    echo "Chromium is missing and we are not root: run 'sudo apt-get install -y chromium'" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
if apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  $SUDO apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
  test -x /usr/bin/chromium
else
  $SUDO apt-get install -y -qq fonts-wqy-zenhei >/dev/null || true
  "${PYTHON:-.venv/bin/python}" -m playwright install --with-deps chromium
fi
