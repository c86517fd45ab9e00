#!/usr/bin/env bash
# Starts a real Kubernetes control plane on 127.0.0.1 for integration tests
# (npm run cluster:up): kube-apiserver (+ embedded etcd), kube-controller-manager,
# kube-scheduler, kwok (simulated kubelets: node and pod lifecycles) and
# metrics-server (metrics.k8s.io, from kwok's simulated /metrics/resource).
# Idempotent: a healthy cluster from an earlier run is reused. See test/cluster/README.md.
#
#   .cluster/bin/testcluster      multi-call binary (apiserver|controller-manager|scheduler|kubectl)
#   .cluster/bin/kwok, .cluster/bin/metrics-server
#   .cluster/kubeconfig           admin (system:masters)
#   .cluster/kubeconfig-limited   get/list/watch in namespace "vapora" only
#   .cluster/env                  KUBECONFIG=..., CLUSTER_SERVER=..., ...
#   .cluster/ready                present while the cluster is up
#   .cluster/logs/*.log, .cluster/pids/*.pid
#
# Environment: CLUSTER_STATE_DIR (default <repo>/.cluster), CLUSTER_PORT
# (preferred apiserver port, default 6443), CLUSTER_READY_TIMEOUT (s, default 120).
set -euo pipefail
# shellcheck source=scripts/cluster-lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/cluster-lib.sh"

READY_TIMEOUT="${CLUSTER_READY_TIMEOUT:-120}"
PREFERRED_PORT="${CLUSTER_PORT:-6443}"
LIMITED_USER="vapora-limited"
LIMITED_NAMESPACE="vapora"
SERVICE_CIDR="10.96.0.0/16"

T0="$(now_ms)"
BUILD_TIME="cached"
START_TIME="reused"

k8s_version() {
  awk '$1 == "k8s.io/kubernetes" { print $2; exit }' "$CLUSTER_SRC/go.mod"
}

# ---------------------------------------------------------------- build ----
ldflags() {
  local v major minor p flags="-s -w"
  v="$(k8s_version)"
  major="${v#v}"; major="${major%%.*}"
  minor="${v#v*.}"; minor="${minor%%.*}"
  # The same variables hack/lib/version.sh sets for release builds, so that
  # the server and kubectl report a real version (preflight checks the skew).
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    flags+=" -X $p.gitVersion=$v -X $p.gitMajor=$major -X $p.gitMinor=$minor"
    flags+=" -X $p.gitTreeState=clean -X $p.gitCommit="
  done
  printf '%s' "$flags"
}

build_key() {
  {
    (cd "$CLUSTER_SRC" && sha256sum ./*.go go.mod go.sum)
    go version
    ldflags
  } | sha256sum | cut -d' ' -f1
}

build() {
  command -v go >/dev/null || die "go is not installed (needs Go >= $(awk '$1=="go"{print $2}' "$CLUSTER_SRC/go.mod"))"
  local key
  key="$(build_key)"
  if [ -x "$BIN" ] && [ "$(cat "$BIN.buildkey" 2>/dev/null)" = "$key" ]; then
    return 0
  fi
  mkdir -p "$STATE/bin"
  log "building $BIN (Kubernetes $(k8s_version)); the first build takes ~10 min on 2 cores (2.4 GB RSS), later ones ~20 s"
  local t
  t="$(now_ms)"
  (cd "$CLUSTER_SRC" && go build -trimpath -ldflags "$(ldflags)" -o "$BIN.tmp" ./) ||
    die "go build failed"
  # Rename so that a binary that is still executing is never overwritten in place.
  mv -f "$BIN.tmp" "$BIN"
  printf '%s\n' "$key" >"$BIN.buildkey"
  BUILD_TIME="testcluster:$(secs_since "$t")s"
  log "built in $(secs_since "$t")s"
}

# A separate Go program at a pinned version, built with `go install module/cmd/x@version` so that
# it uses the module's own go.mod exactly as released. Cached by a build key like the testcluster
# binary; the build cache makes a rebuild after a key change cheap.
TOOL_LDFLAGS="-s -w"
tool_key() { # module version
  printf '%s@%s %s %s\n' "$1" "$2" "$(go version)" "$TOOL_LDFLAGS" | sha256sum | cut -d' ' -f1
}

build_tool() { # name module version
  local name="$1" module="$2" version="$3" out="$STATE/bin/$1" key t tmp
  key="$(tool_key "$module" "$version")"
  if [ -x "$out" ] && [ "$(cat "$out.buildkey" 2>/dev/null)" = "$key" ]; then
    return 0
  fi
  command -v go >/dev/null || die "go is not installed"
  log "building $out ($module $version); the first build takes ~3-6 min on 2 cores"
  t="$(now_ms)"
  tmp="$STATE/bin/.install-$name"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  # Outside any module (cd $tmp), so that `go install pkg@version` uses the tool's own go.mod.
  (cd "$tmp" && GOBIN="$tmp" go install -trimpath -ldflags="$TOOL_LDFLAGS" "$module/cmd/$name@$version") ||
    die "go install $module/cmd/$name@$version failed"
  mv -f "$tmp/$name" "$out"
  rm -rf "$tmp"
  printf '%s\n' "$key" >"$out.buildkey"
  local took
  took="$(secs_since "$t")s"
  if [ "$BUILD_TIME" = cached ]; then BUILD_TIME="$name:$took"; else BUILD_TIME+=" $name:$took"; fi
  log "built $name in $took"
}

# kwok's own default Stages, Metric and ClusterResourceUsage, read from the kwok module at the
# version built (the module cache holds it after go install; `go mod download` fetches it otherwise).
# Its pod-ready Stage is left out: test/cluster/kwok/stages.yaml has one that also reports image IDs.
KWOK_DEFAULTS=(
  kustomize/stage/node/fast/node-initialize.yaml
  kustomize/stage/node/heartbeat-with-lease/node-heartbeat-with-lease.yaml
  kustomize/stage/pod/fast/pod-complete.yaml
  kustomize/stage/pod/fast/pod-delete.yaml
  kustomize/metrics/resource/metrics-resource.yaml
  kustomize/metrics/usage/usage-from-annotation.yaml
)

kwok_config() { # file: kwok's defaults, then our Stages (test/cluster/kwok/stages.yaml)
  local dir f
  dir="$(cd "$STATE" && go mod download -json "$KWOK_MODULE@$KWOK_VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
  [ -n "$dir" ] && [ -d "$dir" ] || die "go mod download $KWOK_MODULE@$KWOK_VERSION did not give the module directory"
  {
    for f in "${KWOK_DEFAULTS[@]}"; do
      printf -- '---\n# %s@%s/%s\n' "$KWOK_MODULE" "$KWOK_VERSION" "$f"
      cat "$dir/$f"
      printf '\n'
    done
    printf -- '---\n# test/cluster/kwok/stages.yaml\n'
    cat "$CLUSTER_SRC/kwok/stages.yaml"
  } >"$1"
}

# ---------------------------------------------------------------- ports ----
port_in_use() {
  ss -Hltn "sport = :$1" 2>/dev/null | grep -q . && return 0
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# Ports chosen so far: nothing listens on them yet, so port_in_use cannot see them.
PICKED_PORTS=" "
pick_port() { # $1 preferred port; sets PORT (a subshell could not remember what it picked)
  local p
  for ((p = $1; p < $1 + 200; p++)); do
    [[ "$PICKED_PORTS" == *" $p "* ]] && continue
    port_in_use "$p" && continue
    PICKED_PORTS+="$p "
    PORT="$p"
    return 0
  done
  die "no free port in $1..$(($1 + 199)) on 127.0.0.1"
}

# ---------------------------------------------------------------- pki ------
gen_pki() {
  rm -rf "$PKI"
  mkdir -p "$PKI"
  chmod 700 "$PKI"
  local o=(-days 3650)
  (
    cd "$PKI"
    umask 077
    # Quiet on success; on failure show openssl's output and leave the subshell.
    ossl() {
      local out
      out="$(openssl "$@" 2>&1)" || { printf '%s\nopenssl %s failed\n' "$out" "$1" >&2; exit 1; }
    }
    ec_key() { ossl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1"; }
    ca() { # name CN
      ec_key "$1.key"
      ossl req -x509 -new -key "$1.key" -subj "/CN=$2" "${o[@]}" -out "$1.crt" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign,digitalSignature"
    }
    leaf() { # name subject ca extfile-content
      ec_key "$1.key"
      ossl req -new -key "$1.key" -subj "$2" -out "$1.csr"
      printf '%s\n' "$4" >"$1.ext"
      ossl x509 -req -in "$1.csr" -CA "$3.crt" -CAkey "$3.key" -CAcreateserial "${o[@]}" \
        -extfile "$1.ext" -out "$1.crt"
      rm -f "$1.csr" "$1.ext"
    }
    ca ca testcluster-ca
    leaf apiserver "/CN=kube-apiserver" ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1"
    # kwok serves every simulated kubelet's endpoint (/metrics/resource, /healthz) on one port;
    # metrics-server verifies it with the cluster CA (no --kubelet-insecure-tls).
    leaf kubelet "/CN=kwok-kubelet" ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=IP:127.0.0.1,DNS:localhost"
    # metrics-server behind the aggregator: the apiserver checks the name of the APIService's
    # Service (metrics-server.kube-system.svc) against the CA in the APIService's caBundle.
    leaf metrics-server "/CN=metrics-server" ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=serverAuth
subjectAltName=DNS:metrics-server.kube-system.svc,DNS:metrics-server.kube-system.svc.cluster.local,IP:127.0.0.1"
    ca front-proxy-ca testcluster-front-proxy-ca
    leaf front-proxy-client "/CN=front-proxy-client" front-proxy-ca "basicConstraints=CA:FALSE
keyUsage=critical,digitalSignature,keyEncipherment
extendedKeyUsage=clientAuth"
    # Service-account token signing key pair.
    ossl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out sa.key
    ossl pkey -in sa.key -pubout -out sa.pub
    rm -f ./*.srl
  ) || die "certificate generation with openssl failed"
  # Static bearer tokens, random per cluster (never committed: .cluster/ is gitignored).
  ADMIN_TOKEN="$(openssl rand -hex 24)"
  LIMITED_TOKEN="$(openssl rand -hex 24)"
  KCM_TOKEN="$(openssl rand -hex 24)"
  SCHEDULER_TOKEN="$(openssl rand -hex 24)"
  KWOK_TOKEN="$(openssl rand -hex 24)"
  METRICS_TOKEN="$(openssl rand -hex 24)"
  # The scheduler runs as itself, with the bootstrap RBAC of system:kube-scheduler. kwok and
  # metrics-server are test infrastructure, not under test: system:masters.
  (
    umask 077
    cat >"$STATE/tokens.csv" <<EOF
$ADMIN_TOKEN,admin,uid-admin,"system:masters"
$KCM_TOKEN,system:kube-controller-manager,uid-kube-controller-manager,"system:masters"
$SCHEDULER_TOKEN,system:kube-scheduler,uid-kube-scheduler
$KWOK_TOKEN,kwok-controller,uid-kwok-controller,"system:masters"
$METRICS_TOKEN,system:metrics-server,uid-metrics-server,"system:masters"
$LIMITED_TOKEN,$LIMITED_USER,uid-$LIMITED_USER
EOF
  )
}

write_kubeconfig() { # file user token
  local ca
  ca="$(base64 -w0 <"$PKI/ca.crt")"
  (
    umask 077
    rm -f "$1"
    cat >"$1" <<EOF
apiVersion: v1
kind: Config
clusters:
- name: testcluster
  cluster:
    server: $SERVER
    certificate-authority-data: $ca
users:
- name: $2
  user:
    token: $3
contexts:
- name: $2@testcluster
  context:
    cluster: testcluster
    user: $2
    namespace: default
current-context: $2@testcluster
EOF
    chmod 600 "$1"
  )
}

# ---------------------------------------------------------------- run ------
start_component() { # component args...
  local c="$1" bin
  shift
  bin="$(component_bin "$c")"
  # testcluster components are subcommands; kwok and metrics-server are programs of their own.
  [ "$bin" != "$BIN" ] || set -- "$c" "$@"
  mkdir -p "$PIDS" "$LOGS"
  {
    printf '==== %s: %s %s\n' "$(date -u +%FT%TZ)" "$bin" "$*"
  } >>"$LOGS/$c.log"
  # setsid: own session, so neither npm's exit nor a Ctrl-C in this terminal
  # takes the cluster down; cluster-down.sh stops it by pid.
  # 9>&-: the component must not inherit the lock held on fd 9 (take_lock).
  setsid "$bin" "$@" </dev/null >>"$LOGS/$c.log" 2>&1 9>&- &
  printf '%s\n' "$!" >"$PIDS/$c.pid"
}

fail_with_log() { # component message
  log "$2"
  log "---- last 40 lines of $LOGS/$1.log ----"
  tail -n 40 "$LOGS/$1.log" >&2 || true
  log "---- stopping what was started ----"
  bash "$CLUSTER_ROOT/scripts/cluster-down.sh" || true
  exit 1
}

wait_for() { # component url timeout-seconds [curl args...]
  local c="$1" url="$2" timeout="$3" deadline out
  shift 3
  deadline=$(($(date +%s) + timeout))
  while :; do
    out="$(curl -fsS --max-time 5 "$@" "$url" 2>&1)" && return 0
    component_pid "$c" >/dev/null || fail_with_log "$c" "$c exited before $url answered ($out)"
    [ "$(date +%s)" -lt "$deadline" ] || fail_with_log "$c" "$url not ready after ${timeout}s (last answer: $out)"
    sleep 0.25
  done
}

kubectl_admin() { "$BIN" kubectl --kubeconfig "$STATE/kubeconfig" "$@"; }

healthy() {
  [ -f "$STATE/ready" ] && [ -f "$STATE/env" ] && [ -f "$STATE/kubeconfig" ] || return 1
  local c
  for c in "${COMPONENTS[@]}"; do component_pid "$c" >/dev/null || return 1; done
  local server
  server="$(sed -n 's/^CLUSTER_SERVER=//p' "$STATE/env")"
  [ -n "$server" ] || return 1
  curl -fsS --max-time 5 --cacert "$PKI/ca.crt" "$server/readyz" >/dev/null 2>&1 || return 1
  curl -fsS --max-time 5 -k "https://127.0.0.1:$(cat "$STATE/controller-manager.port")/healthz" >/dev/null 2>&1 || return 1
  curl -fsS --max-time 5 -k "https://127.0.0.1:$(cat "$STATE/scheduler.port")/healthz" >/dev/null 2>&1 || return 1
  curl -fsS --max-time 5 "http://127.0.0.1:$(cat "$STATE/kwok.port")/healthz" >/dev/null 2>&1 || return 1
  curl -fsS --max-time 5 --cacert "$PKI/ca.crt" "https://127.0.0.1:$(cat "$STATE/metrics-server.port")/livez" >/dev/null 2>&1
}

summary() { # status
  local server
  server="$(sed -n 's/^CLUSTER_SERVER=//p' "$STATE/env")"
  local c pids=""
  for c in "${COMPONENTS[@]}"; do pids+="${pids:+, }$c $(component_pid "$c" || echo gone)"; done
  printf 'cluster %s: %s (Kubernetes %s, kwok %s, metrics-server %s; pids %s) build=%s start=%s total=%ss | source %s\n' \
    "$1" "$server" "$(k8s_version)" "$KWOK_VERSION" "$METRICS_SERVER_VERSION" "$pids" \
    "$BUILD_TIME" "$START_TIME" "$(secs_since "$T0")" "${STATE#"$PWD"/}/env"
}

main() {
  command -v openssl >/dev/null || die "openssl is required"
  command -v curl >/dev/null || die "curl is required"
  take_lock

  if healthy; then
    local key
    key="$(build_key 2>/dev/null || true)"
    if [ "$(cat "$BIN.buildkey" 2>/dev/null)" != "$key" ] ||
      [ "$(cat "$STATE/bin/kwok.buildkey" 2>/dev/null)" != "$(tool_key "$KWOK_MODULE" "$KWOK_VERSION")" ] ||
      [ "$(cat "$STATE/bin/metrics-server.buildkey" 2>/dev/null)" != "$(tool_key "$METRICS_SERVER_MODULE" "$METRICS_SERVER_VERSION")" ]; then
      log "note: test/cluster sources changed since the running cluster was built; run 'npm run cluster:down' first to rebuild"
    fi
    summary "already running"
    return 0
  fi

  # Anything left over from an earlier, now unhealthy cluster goes first.
  local c
  for c in "${COMPONENTS[@]}"; do
    if [ -f "$PIDS/$c.pid" ]; then
      log "found leftovers of an earlier cluster that is not healthy; stopping them"
      flock -u 9
      bash "$CLUSTER_ROOT/scripts/cluster-down.sh"
      take_lock
      break
    fi
  done
  rm -f "$STATE/ready"

  build
  build_tool kwok "$KWOK_MODULE" "$KWOK_VERSION"
  build_tool metrics-server "$METRICS_SERVER_MODULE" "$METRICS_SERVER_VERSION"

  local t port kcm_port scheduler_port kwok_port metrics_port
  t="$(now_ms)"
  pick_port "$PREFERRED_PORT" && port="$PORT"
  pick_port 10257 && kcm_port="$PORT"
  pick_port 10259 && scheduler_port="$PORT"
  pick_port 10250 && kwok_port="$PORT"
  pick_port 4443 && metrics_port="$PORT"
  SERVER="https://127.0.0.1:$port"
  gen_pki
  rm -rf "$STATE/etcd" "$STATE/kwok"
  mkdir -p -m 700 "$STATE/etcd" "$STATE/controller-manager" "$STATE/kwok"
  printf '%s\n' "$port" >"$STATE/apiserver.port"
  printf '%s\n' "$kcm_port" >"$STATE/controller-manager.port"
  printf '%s\n' "$scheduler_port" >"$STATE/scheduler.port"
  printf '%s\n' "$kwok_port" >"$STATE/kwok.port"
  printf '%s\n' "$metrics_port" >"$STATE/metrics-server.port"
  kwok_config "$STATE/kwok/kwok.yaml"

  log "starting etcd + kube-apiserver on $SERVER"
  start_component apiserver \
    --embedded-etcd-data-dir="$STATE/etcd" \
    --bind-address=127.0.0.1 \
    --advertise-address=127.0.0.1 \
    --secure-port="$port" \
    --endpoint-reconciler-type=none \
    --tls-cert-file="$PKI/apiserver.crt" \
    --tls-private-key-file="$PKI/apiserver.key" \
    --client-ca-file="$PKI/ca.crt" \
    --token-auth-file="$STATE/tokens.csv" \
    --authorization-mode=Node,RBAC \
    --service-account-issuer=https://kubernetes.default.svc.cluster.local \
    --service-account-key-file="$PKI/sa.pub" \
    --service-account-signing-key-file="$PKI/sa.key" \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --allow-privileged=true \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" \
    --requestheader-allowed-names=front-proxy-client \
    --requestheader-username-headers=X-Remote-User \
    --requestheader-group-headers=X-Remote-Group \
    --requestheader-extra-headers-prefix=X-Remote-Extra- \
    --proxy-client-cert-file="$PKI/front-proxy-client.crt" \
    --proxy-client-key-file="$PKI/front-proxy-client.key" \
    --profiling=false
  wait_for apiserver "$SERVER/readyz" "$READY_TIMEOUT" --cacert "$PKI/ca.crt"
  log "kube-apiserver ready after $(secs_since "$t")s"

  write_kubeconfig "$STATE/kubeconfig" admin "$ADMIN_TOKEN"
  write_kubeconfig "$STATE/kubeconfig-limited" "$LIMITED_USER" "$LIMITED_TOKEN"
  write_kubeconfig "$STATE/kubeconfig-controller-manager" system:kube-controller-manager "$KCM_TOKEN"
  write_kubeconfig "$STATE/kubeconfig-scheduler" system:kube-scheduler "$SCHEDULER_TOKEN"
  write_kubeconfig "$STATE/kubeconfig-kwok" kwok-controller "$KWOK_TOKEN"
  write_kubeconfig "$STATE/kubeconfig-metrics-server" system:metrics-server "$METRICS_TOKEN"

  log "starting kube-controller-manager (secure port 127.0.0.1:$kcm_port)"
  start_component controller-manager \
    --kubeconfig="$STATE/kubeconfig-controller-manager" \
    --authentication-kubeconfig="$STATE/kubeconfig-controller-manager" \
    --authorization-kubeconfig="$STATE/kubeconfig-controller-manager" \
    --client-ca-file="$PKI/ca.crt" \
    --requestheader-client-ca-file="$PKI/front-proxy-ca.crt" \
    --bind-address=127.0.0.1 \
    --secure-port="$kcm_port" \
    --cert-dir="$STATE/controller-manager" \
    --leader-elect=false \
    --use-service-account-credentials=false \
    --controllers='*,-taint-eviction-controller,-device-taint-eviction-controller' \
    --service-account-private-key-file="$PKI/sa.key" \
    --root-ca-file="$PKI/ca.crt" \
    --cluster-signing-cert-file="$PKI/ca.crt" \
    --cluster-signing-key-file="$PKI/ca.key" \
    --cluster-name=testcluster \
    --service-cluster-ip-range="$SERVICE_CIDR" \
    --profiling=false

  log "starting kube-scheduler (secure port 127.0.0.1:$scheduler_port)"
  start_component scheduler \
    --kubeconfig="$STATE/kubeconfig-scheduler" \
    --authentication-kubeconfig="$STATE/kubeconfig-scheduler" \
    --authorization-kubeconfig="$STATE/kubeconfig-scheduler" \
    --bind-address=127.0.0.1 \
    --secure-port="$scheduler_port" \
    --leader-elect=false \
    --profiling=false

  # kwok plays the kubelet of every Node annotated kwok.x-k8s.io/node=fake: node status and lease,
  # pod status through its Stages, pod deletion, and the kubelet endpoints (/metrics/resource) on
  # 127.0.0.1:$kwok_port, which each Node advertises (InternalIP 127.0.0.1, daemonEndpoints port).
  # KWOK_WORKDIR keeps it from reading a ~/.kwok/kwok.yaml of whoever runs this.
  log "starting kwok $KWOK_VERSION (kubelet endpoints on 127.0.0.1:$kwok_port)"
  KWOK_WORKDIR="$STATE/kwok" start_component kwok \
    --kubeconfig="$STATE/kubeconfig-kwok" \
    --config="$STATE/kwok/kwok.yaml" \
    --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --node-ip=127.0.0.1 \
    --node-port="$kwok_port" \
    --server-address="127.0.0.1:$kwok_port" \
    --tls-cert-file="$PKI/kubelet.crt" \
    --tls-private-key-file="$PKI/kubelet.key" \
    --cidr=10.244.0.0/16 \
    --node-lease-duration-seconds=40

  # metrics-server scrapes the kwok nodes (label type=kwok) at their InternalIP and status port,
  # verifying kwok's serving certificate with the cluster CA. 10 s is its shortest resolution.
  log "starting metrics-server $METRICS_SERVER_VERSION (127.0.0.1:$metrics_port)"
  start_component metrics-server \
    --kubeconfig="$STATE/kubeconfig-metrics-server" \
    --authentication-kubeconfig="$STATE/kubeconfig-metrics-server" \
    --authorization-kubeconfig="$STATE/kubeconfig-metrics-server" \
    --bind-address=127.0.0.1 \
    --secure-port="$metrics_port" \
    --tls-cert-file="$PKI/metrics-server.crt" \
    --tls-private-key-file="$PKI/metrics-server.key" \
    --kubelet-preferred-address-types=InternalIP \
    --kubelet-use-node-status-port \
    --kubelet-certificate-authority="$PKI/ca.crt" \
    --kubelet-request-timeout=5s \
    --metric-resolution=10s \
    --node-selector=type=kwok

  # The aggregator reaches metrics-server through a Service of type ExternalName (its resolver
  # turns that into https://127.0.0.1:PORT: no ClusterIP, no endpoints, nothing off loopback).
  kubectl_admin apply -f - >/dev/null <<EOF || fail_with_log apiserver "could not register the metrics.k8s.io APIService"
apiVersion: v1
kind: Service
metadata:
  name: metrics-server
  namespace: kube-system
spec:
  type: ExternalName
  externalName: 127.0.0.1
  ports:
  - name: https
    port: $metrics_port
    protocol: TCP
---
apiVersion: apiregistration.k8s.io/v1
kind: APIService
metadata:
  name: v1beta1.metrics.k8s.io
spec:
  group: metrics.k8s.io
  version: v1beta1
  groupPriorityMinimum: 100
  versionPriority: 100
  service:
    name: metrics-server
    namespace: kube-system
    port: $metrics_port
  caBundle: $(base64 -w0 <"$PKI/ca.crt")
EOF

  # Namespace + read-only Role for the limited user (applied while the
  # controller-manager starts up).
  kubectl_admin apply -f - >/dev/null <<EOF || fail_with_log apiserver "could not create the RBAC objects for $LIMITED_USER"
apiVersion: v1
kind: Namespace
metadata:
  name: $LIMITED_NAMESPACE
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: read-only
  namespace: $LIMITED_NAMESPACE
rules:
- apiGroups: ["*"]
  resources: ["*"]
  verbs: ["get", "list", "watch"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: $LIMITED_USER-read-only
  namespace: $LIMITED_NAMESPACE
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: read-only
subjects:
- apiGroup: rbac.authorization.k8s.io
  kind: User
  name: $LIMITED_USER
EOF

  wait_for controller-manager "https://127.0.0.1:$kcm_port/healthz" 60 -k
  wait_for scheduler "https://127.0.0.1:$scheduler_port/healthz" 60 -k
  wait_for kwok "http://127.0.0.1:$kwok_port/healthz" 60
  wait_for metrics-server "https://127.0.0.1:$metrics_port/livez" 60 --cacert "$PKI/ca.crt"
  # Pods are rejected by the ServiceAccount admission plugin until the
  # serviceaccount controller has created "default"; wait for it so tests can
  # create pods straight away.
  local deadline=$(($(date +%s) + 60))
  until kubectl_admin get serviceaccount default -n "$LIMITED_NAMESPACE" >/dev/null 2>&1 &&
    kubectl_admin get serviceaccount default -n default >/dev/null 2>&1; do
    component_pid controller-manager >/dev/null || fail_with_log controller-manager "kube-controller-manager exited"
    [ "$(date +%s)" -lt "$deadline" ] || fail_with_log controller-manager "default service accounts not created after 60s"
    sleep 0.25
  done
  # Every component still running (a health URL could have been answered by another one).
  for c in "${COMPONENTS[@]}"; do
    component_pid "$c" >/dev/null || fail_with_log "$c" "$c exited during start-up"
  done
  # The aggregator reaches metrics-server (node metrics follow once kwok nodes exist: two scrapes).
  kubectl_admin wait --for=condition=Available apiservice/v1beta1.metrics.k8s.io --timeout=60s >/dev/null 2>&1 ||
    fail_with_log metrics-server "APIService v1beta1.metrics.k8s.io not Available after 60s: $(kubectl_admin get apiservice v1beta1.metrics.k8s.io -o jsonpath='{.status.conditions}' 2>&1)"

  (
    umask 077
    cat >"$STATE/env" <<EOF
KUBECONFIG=$STATE/kubeconfig
CLUSTER_SERVER=$SERVER
CLUSTER_KUBECONFIG_LIMITED=$STATE/kubeconfig-limited
CLUSTER_LIMITED_USER=$LIMITED_USER
CLUSTER_LIMITED_NAMESPACE=$LIMITED_NAMESPACE
CLUSTER_CA_FILE=$PKI/ca.crt
CLUSTER_BIN=$BIN
CLUSTER_K8S_VERSION=$(k8s_version)
CLUSTER_KWOK_VERSION=$KWOK_VERSION
CLUSTER_KWOK_PORT=$kwok_port
CLUSTER_METRICS_SERVER_VERSION=$METRICS_SERVER_VERSION
EOF
  )
  START_TIME="$(secs_since "$t")s"
  printf 'server=%s\nstarted=%s\n' "$SERVER" "$(date -u +%FT%TZ)" >"$STATE/ready"
  summary "ready"
}

main "$@"
