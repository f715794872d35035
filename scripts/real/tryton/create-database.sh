#!/bin/sh
# Creates a throw-away Tryton 6.0 database with the sale module, for test/real/tryton.test.ts.
# Usage: create-database.sh DIR DATABASE PORT ADMIN_PASSWORD
#   DIR       an empty working directory (config, SQLite file and logs go there)
#   DATABASE  the database name (the SQLite file is DIR/db/DATABASE.sqlite)
#   PORT      the port trytond will listen on (127.0.0.1 only)
# Writes DIR/trytond.conf; `trytond -c DIR/trytond.conf` then serves the database.
set -eu

dir=$1
database=$2
port=$3
password=$4

mkdir -p "$dir/db"
cat > "$dir/trytond.conf" <<CONF
[database]
uri = sqlite://
path = $dir/db

[web]
listen = 127.0.0.1:$port
CONF

# The SQLite backend opens an existing file only (backend/sqlite/database.py _make_uri).
: > "$dir/db/$database.sqlite"

# trytond-admin reads the admin password from the file TRYTONPASSFILE names.
printf '%s\n' "$password" > "$dir/admin-password"
chmod 600 "$dir/admin-password"

# `-u sale` on an empty database initialises it (admin.py: database.init() when updating),
# so this one run does what `--all` and then `-u sale --activate-dependencies` would.
TRYTONPASSFILE="$dir/admin-password" trytond-admin -c "$dir/trytond.conf" -d "$database" \
  -u sale --activate-dependencies --email admin@example.com > "$dir/admin.log" 2>&1 || {
  echo "trytond-admin failed; its log:" >&2
  cat "$dir/admin.log" >&2
  exit 1
}
rm -f "$dir/admin-password"
