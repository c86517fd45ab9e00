# Shared by scripts/cluster-up.sh and scripts/cluster-down.sh (sourced, not run).
# See test/cluster/README.md.

CLUSTER_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CLUSTER_SRC="$CLUSTER_ROOT/test/cluster"
STATE="${CLUSTER_STATE_DIR:-$CLUSTER_ROOT/.cluster}"
BIN="$STATE/bin/testcluster"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
PKI="$STATE/pki"

# Separate programs, each built with `go install <package>@<version>` (its own go.mod, as released)
# into $STATE/bin and cached by a build key like the testcluster binary.
KWOK_MODULE="sigs.k8s.io/kwok"
KWOK_VERSION="v0.8.0"
METRICS_SERVER_MODULE="sigs.k8s.io/metrics-server"
METRICS_SERVER_VERSION="v0.8.0"

# Components in start order; cluster-down stops them in reverse order.
COMPONENTS=(apiserver controller-manager scheduler kwok metrics-server)

# component_bin COMPONENT: the executable a component runs. The first three are subcommands of the
# multi-call testcluster binary (argv[1] names them); kwok and metrics-server are their own binaries.
component_bin() {
  case "$1" in
  kwok) printf '%s\n' "$STATE/bin/kwok" ;;
  metrics-server) printf '%s\n' "$STATE/bin/metrics-server" ;;
  *) printf '%s\n' "$BIN" ;;
  esac
}

log() { printf '[cluster] %s\n' "$*" >&2; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
secs_since() { # $1 = start in ms -> "12.3"
  local d=$(($(now_ms) - $1))
  printf '%d.%d' $((d / 1000)) $((d % 1000 / 100))
}

# pid_is_ours PID COMPONENT: true if PID is alive and is "$BIN COMPONENT ..." (or, for kwok and
# metrics-server, their own binary under $STATE/bin). Compares argv[0] (and argv[1]) from
# /proc/PID/cmdline, so a recycled pid that now belongs to another program is never mistaken for ours.
pid_is_ours() {
  local pid="$1" component="$2" argv0 argv1 bin
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [ -r "/proc/$pid/cmdline" ] || return 1
  { IFS= read -r -d '' argv0 && IFS= read -r -d '' argv1; } <"/proc/$pid/cmdline" 2>/dev/null || return 1
  bin="$(component_bin "$component")"
  [ "$argv0" = "$bin" ] || return 1
  [ "$bin" != "$BIN" ] || [ "$argv1" = "$component" ]
}

# component_pid COMPONENT: prints the pid from the pid file if it is ours and alive.
component_pid() {
  local f="$PIDS/$1.pid" pid
  [ -f "$f" ] || return 1
  pid="$(cat "$f" 2>/dev/null)"
  pid_is_ours "$pid" "$1" || return 1
  printf '%s\n' "$pid"
}

# Lists pids running one of our binaries that have no (valid) pid file — reported, never killed.
stray_pids() {
  local p argv0 known=" " bins=" $BIN $STATE/bin/kwok $STATE/bin/metrics-server "
  for c in "${COMPONENTS[@]}"; do known+="$(component_pid "$c" || true) "; done
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    { IFS= read -r -d '' argv0; } <"/proc/$p/cmdline" 2>/dev/null || continue
    [[ "$bins" == *" $argv0 "* ]] || continue
    [[ "$known" == *" $p "* ]] || printf '%s\n' "$p"
  done
}

# Serialise cluster-up/cluster-down runs for this state dir.
take_lock() {
  mkdir -p "$STATE"
  exec 9>"$STATE/.lock"
  if ! flock -n 9; then
    log "waiting for another cluster-up/cluster-down to finish (lock $STATE/.lock)"
    flock -w "${CLUSTER_LOCK_TIMEOUT:-1800}" 9 || die "another cluster-up/cluster-down still holds $STATE/.lock"
  fi
}
