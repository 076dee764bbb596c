#!/usr/bin/env bash
# Makes sure PostgreSQL (127.0.0.1:5432, user postgres, trust auth) and Redis (127.0.0.1:6379)
# answer: starts them when they are installed but down, installs them with apt-get when absent;
# installs Debian's Chromium for the browser tests when it is missing.
set -euo pipefail

log() { echo "[services] $*"; }

apt_install() {
  if [ -z "${APT_UPDATED:-}" ]; then apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

postgres_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

ensure_postgres() {
  if postgres_up; then log "PostgreSQL is up"; return; fi
  if ! command -v pg_ctlcluster >/dev/null 2>&1; then
    log "installing PostgreSQL"
    apt_install postgresql
  fi
  local version
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  local hba="/etc/postgresql/${version}/main/pg_hba.conf"
  if ! grep -q '^host all all 127.0.0.1/32 trust' "$hba"; then
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\nlocal all all trust' "$hba"
  fi
  log "starting PostgreSQL ${version}"
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster --skip-systemctl-redirect "$version" main reload
  for _ in $(seq 1 30); do postgres_up && break; sleep 1; done
  postgres_up || { log "PostgreSQL did not start"; exit 1; }
}

redis_up() { [ "$(redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]; }

ensure_redis() {
  if command -v redis-cli >/dev/null 2>&1 && redis_up; then log "Redis is up"; return; fi
  if ! command -v redis-server >/dev/null 2>&1; then
    log "installing Redis"
    apt_install redis-server
  fi
  log "starting Redis"
  mkdir -p /var/lib/redis /var/log/redis
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log
  for _ in $(seq 1 30); do redis_up && break; sleep 1; done
  redis_up || { log "Redis did not start"; exit 1; }
}

# The browser tests of the UI drive Debian's Chromium (playwright-core cannot download one here).
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1; then log "Chromium is installed"; return; fi
  log "installing Chromium"
  apt_install chromium
}

ensure_postgres
ensure_redis
ensure_chromium
