#!/usr/bin/env bash
# The whole test suite twice, through Nx: embedded mode (SQLite, in-process jobs), then scaled
# mode (PostgreSQL + Redis on this machine). `npm test` alone runs the embedded pass.
set -euo pipefail
cd "$(dirname "$0")/../.."

export TZ=UTC
PG_URL="${TEST_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
REDIS="${TEST_REDIS_URL:-redis://127.0.0.1:6379}"

echo "== Tests on SQLite with in-process jobs"
env -u DATABASE_URL -u REDIS_URL npx nx run-many -t test e2e --output-style=stream

echo "== Tests on PostgreSQL with Redis (Bull)"
DATABASE_URL="$PG_URL" REDIS_URL="$REDIS" npx nx run-many -t test e2e --output-style=stream
