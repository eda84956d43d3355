# Sourced by .ci/run (`. .ci/postgres.sh`): a real PostgreSQL server for the example's
# PostgreSQL leg (test/e2e/blog.test.ts runs it when DATABASE_URL is set). Debian's `postgresql`
# package, a cluster of its own (PG_CLUSTER, default gcb) listening on 127.0.0.1 only at PG_PORT
# (default 54329), a role and database `gcb`; then exports DATABASE_URL for the tests.
# Idempotent: installs only when the package is missing, creates only what does not exist,
# starts the cluster only when it is down, so a second run takes about a second.
# Needs root (or sudo) for apt-get and the cluster's postgres owner. Locally, the same:
#   sudo bash -c '. .ci/postgres.sh'   then   export DATABASE_URL=postgres://gcb:gcb@127.0.0.1:54329/gcb
pg_port=${PG_PORT:-54329}
pg_cluster=${PG_CLUSTER:-gcb}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
as_postgres() { as_root runuser -u postgres -- "$@"; }

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q 'install ok installed'; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql > /dev/null
fi
pg_version=$(ls /usr/lib/postgresql 2>/dev/null | sort -n | tail -1)
test -n "$pg_version" || { echo "postgres.sh: no PostgreSQL under /usr/lib/postgresql" >&2; exit 1; }

if ! pg_lsclusters -h | awk '{ print $1, $2 }' | grep -qx "$pg_version $pg_cluster"; then
  as_root pg_createcluster "$pg_version" "$pg_cluster" --port "$pg_port" > /dev/null
  # TCP on the loopback interface only; a throwaway database needs no durability.
  printf '%s\n' "listen_addresses = '127.0.0.1'" 'fsync = off' 'synchronous_commit = off' \
    'full_page_writes = off' | as_root tee "/etc/postgresql/$pg_version/$pg_cluster/conf.d/ci.conf" > /dev/null
fi
if ! pg_lsclusters -h | awk '{ print $1, $2, $4 }' | grep -qx "$pg_version $pg_cluster online"; then
  as_root pg_ctlcluster "$pg_version" "$pg_cluster" start
fi
pg_port=$(pg_lsclusters -h | awk -v v="$pg_version" -v c="$pg_cluster" '$1 == v && $2 == c { print $3 }')

# As the postgres user through the cluster's Unix socket (peer authentication).
pg_psql() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$pg_port" -d postgres "$@"; }
if [ "$(pg_psql -tA -c "SELECT 1 FROM pg_roles WHERE rolname = 'gcb'")" != 1 ]; then
  pg_psql -c "CREATE ROLE gcb LOGIN PASSWORD 'gcb'"
fi
if [ "$(pg_psql -tA -c "SELECT 1 FROM pg_database WHERE datname = 'gcb'")" != 1 ]; then
  pg_psql -c "CREATE DATABASE gcb OWNER gcb"
fi
export DATABASE_URL="postgres://gcb:gcb@127.0.0.1:$pg_port/gcb"
echo "postgres: PostgreSQL $pg_version, cluster $pg_cluster on 127.0.0.1:$pg_port, DATABASE_URL=$DATABASE_URL"
