#!/usr/bin/env bash
# Stops the local test cluster started by scripts/cluster-up.sh (npm run cluster:down).
#
# Only the processes recorded in .cluster/pids/*.pid are signalled, and only
# after /proc/PID/cmdline confirms that the pid still runs .cluster/bin/testcluster
# with the expected subcommand (or .cluster/bin/kwok, .cluster/bin/metrics-server). SIGTERM first, SIGKILL after a grace period.
# Then removes the pid files, the etcd data and the per-cluster credentials.
# Keeps .cluster/bin (the build) and .cluster/logs. Idempotent.
set -euo pipefail
# shellcheck source=scripts/cluster-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cluster-lib.sh"

GRACE_SECONDS="${CLUSTER_STOP_GRACE_SECONDS:-10}"

stop_component() {
  local c="$1" f="$PIDS/$1.pid" pid i
  [ -f "$f" ] || return 0
  pid="$(cat "$f" 2>/dev/null || true)"
  if ! pid_is_ours "$pid" "$c"; then
    log "$c: pid file says ${pid:-nothing}, which is not our running $c; removing stale pid file"
    rm -f "$f"
    return 0
  fi
  log "$c: stopping pid $pid (SIGTERM)"
  kill -TERM "$pid" 2>/dev/null || true
  kill -CONT "$pid" 2>/dev/null || true # a SIGSTOPped process handles SIGTERM only once continued
  for ((i = 0; i < GRACE_SECONDS * 10; i++)); do
    pid_is_ours "$pid" "$c" || break
    sleep 0.1
  done
  if pid_is_ours "$pid" "$c"; then
    log "$c: still running after ${GRACE_SECONDS}s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 50; i++)); do
      pid_is_ours "$pid" "$c" || break
      sleep 0.1
    done
  fi
  if pid_is_ours "$pid" "$c"; then
    die "$c: pid $pid did not exit"
  fi
  rm -f "$f"
}

main() {
  if [ ! -d "$STATE" ]; then
    log "nothing to stop ($STATE does not exist)"
    return 0
  fi
  take_lock
  local i
  for ((i = ${#COMPONENTS[@]} - 1; i >= 0; i--)); do
    stop_component "${COMPONENTS[$i]}"
  done
  rm -f "$STATE/ready"
  rm -rf "$STATE/etcd" "$PKI" "$PIDS" "$STATE/controller-manager" "$STATE/kwok"
  rm -f "$STATE/tokens.csv" "$STATE/kubeconfig" "$STATE/kubeconfig-limited" \
    "$STATE/kubeconfig-controller-manager" "$STATE/kubeconfig-scheduler" "$STATE/kubeconfig-kwok" \
    "$STATE/kubeconfig-metrics-server" "$STATE/env"
  local c
  for c in "${COMPONENTS[@]}"; do rm -f "$STATE/$c.port"; done
  local strays
  strays="$(stray_pids | tr '\n' ' ')"
  if [ -n "${strays// /}" ]; then
    log "WARNING: processes running our binaries without a pid file were left alone: $strays"
  fi
  log "cluster stopped"
}

main "$@"
