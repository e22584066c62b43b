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

# No GitHub App configured: the local GitHub on loopback stands in, so connecting works on one machine.
if [ -z "${GITHUB_APP_ID:-}" ]; then
  LOCAL_GITHUB_PORT="${LOCAL_GITHUB_PORT:-3100}"
  [ -f .data/local-github-secret ] || node -e 'console.log(require("crypto").randomBytes(20).toString("hex"))' > .data/local-github-secret
  rm -f .data/local-github.env
  node scripts/local-github/server.mjs --port "$LOCAL_GITHUB_PORT" --callback-url "$NEXTAUTH_URL/api/integrations/github/callback" \
    --private-key-file .data/local-github.pem --client-secret "$(cat .data/local-github-secret)" > .data/local-github.env &
  LOCAL_GITHUB_PID=$!
  trap 'kill "$LOCAL_GITHUB_PID" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do grep -q GITHUB_APP_PRIVATE_KEY .data/local-github.env 2>/dev/null && break; sleep 0.1; done
  set -a
  # shellcheck disable=SC1091
  . .data/local-github.env
  set +a
  echo "Local GitHub on $GITHUB_WEB_URL (Settings → Integrations → Connect GitHub)"
fi

echo
echo "Open $NEXTAUTH_URL (mail sent by the app: $NEXTAUTH_URL/dev/outbox)"
node --max-semi-space-size=64 server.mjs -p "$PORT"
