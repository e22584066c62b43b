#!/usr/bin/env bash
# Installs npm dependencies when node_modules is missing or older than the lockfile, then
# generates the Prisma client. Shared by the quick start and the test command.
set -euo pipefail
cd "$(dirname "$0")/.."
# `npm install` rather than `npm ci`: the lockfile lists Next's SWC builds for every platform
# and the registry mirror here lacks the non-Linux ones, which `npm ci` treats as a mismatch.
# With an up-to-date lockfile `npm install` installs exactly what it pins.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
node scripts/prisma-generate.mjs >/dev/null
node scripts/copy-hedgehog-assets.mjs
