#!/usr/bin/env bash
# Dump the portal's PostgreSQL database (DATABASE_URL) in pg_dump's custom format:
#   BACKUP_DIR=/srv/backups scripts/backup.sh        -> /srv/backups/portal-YYYYmmddTHHMMSSZ.dump
# Restore into an empty database (see README "Production"):
#   createdb portal_restored && pg_restore --no-owner --exit-on-error -d portal_restored FILE
# Keeps the newest BACKUP_KEEP dumps (default 14) in BACKUP_DIR and prints the new file's path.
set -euo pipefail
cd "$(dirname "$0")/.."

url=${DATABASE_URL:-}
case "$url" in
  postgres://*|postgresql://*) ;;
  "") echo "backup: DATABASE_URL is not set" >&2; exit 2 ;;
  *) echo "backup: DATABASE_URL is not PostgreSQL; the embedded SQLite file is var/portal.sqlite3" >&2
     exit 2 ;;
esac

dir=${BACKUP_DIR:-var/backups}
keep=${BACKUP_KEEP:-14}
mkdir -p "$dir"
file="$dir/portal-$(date -u +%Y%m%dT%H%M%SZ).dump"
# Written under a temporary name: an interrupted dump never looks like a backup.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$file.partial" "$url"
mv "$file.partial" "$file"
# pg_restore --list reads the whole table of contents: the dump is readable.
pg_restore --list "$file" >/dev/null
ls -1t "$dir"/portal-*.dump | tail -n +"$((keep + 1))" | xargs -r rm --
echo "$file"
