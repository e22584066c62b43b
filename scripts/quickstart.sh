#!/usr/bin/env bash
# One command from a fresh clone to a running app on the embedded database (PGlite in
# .data/pglite; set DATABASE_URL to use PostgreSQL instead), with demo logins printed.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

export PORT="${PORT:-3000}"
export NEXTAUTH_URL="${NEXTAUTH_URL:-http://localhost:$PORT}"
mkdir -p .data
if [ -z "${NEXTAUTH_SECRET:-}" ]; then
  [ -f .data/nextauth-secret ] || node -e 'console.log(require("crypto").randomBytes(32).toString("base64url"))' > .data/nextauth-secret
  NEXTAUTH_SECRET="$(cat .data/nextauth-secret)"
  export NEXTAUTH_SECRET
fi
if [ -z "${TWO_FACTOR_ENCRYPTION_KEYS:-}" ]; then
  [ -f .data/two-factor-keys ] || node -e 'console.log("qs1:" + require("crypto").randomBytes(32).toString("base64"))' > .data/two-factor-keys
  TWO_FACTOR_ENCRYPTION_KEYS="$(cat .data/two-factor-keys)"
  export TWO_FACTOR_ENCRYPTION_KEYS
fi
# No SMTP server in the demo: mail goes to the outbox page.
export DEV_OUTBOX="${DEV_OUTBOX:-true}"

npx next build
npm run --silent db:migrate
npm run --silent db:seed
echo
echo "Open $NEXTAUTH_URL (mail sent by the app: $NEXTAUTH_URL/dev/outbox)"
exec node server.mjs -p "$PORT"
