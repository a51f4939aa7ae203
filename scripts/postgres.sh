#!/usr/bin/env bash
# Starts Debian's PostgreSQL for the receiver's tests and prints a DATABASE_URL for them, a fresh database each
# run: `export DATABASE_URL=$(scripts/postgres.sh)`. Installs the package when it is missing (never a download from
# anywhere but Debian's mirrors). Run as root, as CI does.
set -euo pipefail
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  (apt-get update && apt-get install -y postgresql) >&2
fi
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >&2
pg_ctlcluster "$version" main start >&2 2>&1 || true
database="keksi_records_$$"
su postgres -c "psql -qc \"do \\\$\\\$ begin if not exists (select from pg_roles where rolname = 'keksi') then create role keksi login password 'keksi'; end if; end \\\$\\\$\"" >&2
su postgres -c "createdb -O keksi $database" >&2
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" { print $3 }')
echo "postgres://keksi:keksi@127.0.0.1:$port/$database"
