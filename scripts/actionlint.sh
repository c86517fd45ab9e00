#!/usr/bin/env bash
# Lints the example workflows with actionlint (Go module github.com/rhysd/actionlint), built once into
# .tools/ with the machine's Go. The version is pinned so that CI and laptops agree.
set -euo pipefail
cd "$(dirname "$0")/.."
version=v1.7.12
bin=.tools/actionlint-$version
if [ ! -x "$bin" ]; then
  mkdir -p .tools
  GOBIN="$PWD/.tools" go install "github.com/rhysd/actionlint/cmd/actionlint@$version"
  mv .tools/actionlint "$bin"
fi
"$bin" -version | head -1
"$bin" examples/workflows/*.yml
echo "actionlint: examples/workflows clean"
