#!/usr/bin/env bash
# The whole test suite from a fresh clone. Needs PostgreSQL on 127.0.0.1:5432 (override with
# TEST_DATABASE_URL / E2E_DATABASE_URL) and Chromium at /usr/bin/chromium (or CHROMIUM_PATH).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
exec node scripts/run-tests.mjs
