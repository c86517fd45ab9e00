#!/usr/bin/env bash
# Regenerates the `replace` block of test/cluster/go.mod.
#
# k8s.io/kubernetes requires every k8s.io/* "staging" module at v0.0.0 and
# points them at ./staging/src/... with its own `replace` directives, which do
# not apply when kubernetes is used as a dependency. We therefore map each of
# those modules to the published tag that matches the kubernetes release
# (v1.X.Y  ->  v0.X.Y).
#
# Usage: test/cluster/gen-replaces.sh [v1.36.3]   (rewrites go.mod in place)
set -euo pipefail
cd "$(dirname "$0")"

K8S_VERSION="${1:-$(awk '$1=="k8s.io/kubernetes"{print $2; exit} $2=="k8s.io/kubernetes"{print $3; exit}' go.mod)}"
K8S_VERSION="${K8S_VERSION:-v1.36.3}"
STAGING_VERSION="v0.${K8S_VERSION#v1.}"

gomod="$(go mod download -json "k8s.io/kubernetes@${K8S_VERSION}" | sed -n 's/^[[:space:]]*"GoMod": "\(.*\)",$/\1/p')"
[ -f "$gomod" ] || { echo "could not locate go.mod of k8s.io/kubernetes@${K8S_VERSION}" >&2; exit 1; }

# Every module that kubernetes' own go.mod replaces with a ./staging/src path.
mapfile -t staging < <(awk '/=> \.\/staging\/src\//{print $1}' "$gomod" | sort -u)
[ "${#staging[@]}" -gt 0 ] || { echo "no staging replaces found in $gomod" >&2; exit 1; }

# Drop any previous generated block, then append a fresh one.
tmp="$(mktemp)"
awk '/^\/\/ BEGIN generated replaces/{skip=1} !skip{print} /^\/\/ END generated replaces/{skip=0}' go.mod >"$tmp"
{
  printf '%s\n' "$(cat "$tmp")"  # $(...) drops trailing blank lines
  echo
  echo "// BEGIN generated replaces (test/cluster/gen-replaces.sh ${K8S_VERSION})"
  echo "replace ("
  for m in "${staging[@]}"; do
    printf '\t%s => %s %s\n' "$m" "$m" "$STAGING_VERSION"
  done
  echo ")"
  echo
  echo "// END generated replaces"
} >go.mod
rm -f "$tmp"
echo "wrote ${#staging[@]} replace directives (${STAGING_VERSION}) for k8s.io/kubernetes ${K8S_VERSION}" >&2
