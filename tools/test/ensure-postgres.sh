#!/usr/bin/env bash
# Makes sure the PostgreSQL the integration tests use is running and has the tendril role and database.
# Idempotent. Uses the local PostgreSQL 15 cluster (Debian's postgresql package) when TENDRIL_TEST_POSTGRES_URL
# is not set; with it set, only checks that the server answers.
set -euo pipefail

url="${TENDRIL_TEST_POSTGRES_URL:-postgres://tendril:tendril@127.0.0.1:5432/tendril_test}"

if [ -n "${TENDRIL_TEST_POSTGRES_URL:-}" ]; then
  exit 0
fi

if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "ensure-postgres: PostgreSQL is not installed. Install it (apt-get install postgresql) or set TENDRIL_TEST_POSTGRES_URL to a server you run." >&2
  exit 1
fi

if ! pg_lsclusters -h 2>/dev/null | awk '$1=="15" && $2=="main" {print $4}' | grep -q online; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-postgres: the PostgreSQL 15 cluster is not running; start it with 'sudo pg_ctlcluster 15 main start'." >&2
    exit 1
  fi
  pg_ctlcluster 15 main start
fi

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sh -c "$1"; fi; }

for _ in $(seq 1 50); do
  if as_postgres "psql -qAtc 'select 1'" >/dev/null 2>&1; then break; fi
  sleep 0.2
done

as_postgres "psql -qAtc \"SELECT 1 FROM pg_roles WHERE rolname='tendril'\"" | grep -q 1 ||
  as_postgres "psql -qc \"CREATE ROLE tendril LOGIN PASSWORD 'tendril' SUPERUSER\""
as_postgres "psql -qAtc \"SELECT 1 FROM pg_database WHERE datname='tendril_test'\"" | grep -q 1 ||
  as_postgres "createdb -O tendril tendril_test"

echo "ensure-postgres: PostgreSQL ready at ${url}"
