#!/bin/sh
# Runs once, when the PostgreSQL volume is first initialised: one login role and one schema per
# service, each owning its own schema and nothing else. Passwords come from the container environment.
set -eu

create_service_schema() {
  role="$1"
  password="$2"
  if [ -z "$password" ]; then
    echo "10-service-schemas: no password given for role $role" >&2
    exit 1
  fi
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    --set=role="$role" --set=password="$password" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'password';
CREATE SCHEMA :"role" AUTHORIZATION :"role";
ALTER ROLE :"role" SET search_path = :"role";
SQL
}

# Nobody but the owner may create objects in the public schema (the PostgreSQL 15 default, made explicit).
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" -c 'REVOKE CREATE ON SCHEMA public FROM PUBLIC;'

create_service_schema tender_service "${TENDER_DB_PASSWORD:-}"
create_service_schema bidding_service "${BIDDING_DB_PASSWORD:-}"
create_service_schema subcontracting_service "${SUBCONTRACTING_DB_PASSWORD:-}"
