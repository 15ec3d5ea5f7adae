#!/usr/bin/env bash
# Runs the whole test suite: unit, integration (real model, real Chroma server)
# and browser tests (Debian chromium, installed here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
export GRADIO_ANALYTICS_ENABLED=False HF_HUB_OFFLINE=1 ANONYMIZED_TELEMETRY=False
export GRADIO_TEMP_DIR="$PWD/.gradio_tmp"
mkdir -p "$GRADIO_TEMP_DIR"
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing chromium and fonts-wqy-microhei for the browser tests" >&2
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  fi
fi
# pytest empties --basetemp itself (but needs its parent); other folders under .pytest_tmp are left alone
mkdir -p .pytest_tmp
# Tests leave the tree clean: a run that changes a tracked file fails (the README
# screenshot is made by `make screenshot`, never by a test).
tracked_before=""
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then tracked_before="$(git diff --stat HEAD 2>/dev/null)"; fi
status=0
.venv/bin/python -m pytest --basetemp="$PWD/.pytest_tmp/suite" "$@" || status=$?
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  tracked_after="$(git diff --stat HEAD 2>/dev/null)"
  if [ "$tracked_before" != "$tracked_after" ]; then
    echo "scripts/test.sh: the test run changed tracked files:" >&2
    git diff --stat HEAD >&2
    [ "$status" = 0 ] && status=1
  fi
fi
exit "$status"
