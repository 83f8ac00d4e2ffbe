#!/usr/bin/env bash
# Restore a dump made by scripts/backup.sh into an EMPTY PostgreSQL database:
#   createdb -h HOST -U USER portal_restored
#   scripts/restore.sh var/backups/portal-….dump postgres://USER@HOST:5432/portal_restored
# Refuses a database that already has tables: it never overwrites data.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: scripts/restore.sh DUMP_FILE TARGET_DATABASE_URL" >&2
  exit 2
fi
file=$1
target=$2
tables=$(psql "$target" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
if [ "$tables" != "0" ]; then
  echo "restore: the target database already has $tables tables; restore into an empty one" >&2
  exit 1
fi
pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname="$target" "$file"
echo "restored $file"
