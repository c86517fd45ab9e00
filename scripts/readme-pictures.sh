#!/usr/bin/env bash
# Regenerates what the README shows people (npm run docs:pictures): a no-go job summary as GitHub renders
# it (docs/images/no-go-summary.png: cmark-gfm → HTML with GitHub's stylesheet → headless Chromium) and
# the terminal transcripts of the CLI at 100 columns (docs/transcripts/*.txt).
# Needs the Debian packages cmark-gfm, chromium and fonts-noto-color-emoji; uses dist/cli.js as built.
set -euo pipefail
cd "$(dirname "$0")/.."
node=node_modules/.bin/node
out=docs/images
transcripts=docs/transcripts
mkdir -p "$out" "$transcripts"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same report the action writes as its job summary (the action adds only the tracking-issue line).
"$node" dist/cli.js --bundle examples/broken/mode-mismatch --offline --format markdown --quiet >"$tmp/no-go.md" || true
"$node" scripts/render-summary.mjs --markdown "$tmp/no-go.md" --out "$out/no-go-summary.png" --width 1012 --max-height 1500

# Terminal transcripts, piped (no colour) at 100 columns. The paths are the repository's own.
transcript() { # NAME, then the CLI arguments
  local name=$1
  shift
  { printf '$ vapora-preflight %s\n' "$*"; COLUMNS=100 "$node" dist/cli.js "$@" --format text --quiet || printf '(exit %d)\n' $?; } \
    >"$transcripts/$name.txt" 2>&1
  printf '%s: %s lines\n' "$transcripts/$name.txt" "$(wc -l <"$transcripts/$name.txt")"
}
transcript offline-go --bundle examples/bundle --offline
transcript syntax-error-no-go --bundle examples/broken/yaml-syntax-error --offline
HOME="$tmp" KUBECONFIG='' transcript no-kubeconfig-no-go --bundle examples/bundle

# The README shows the no-go transcript between its markers: replace what is there with the new one.
"$node" -e '
  const fs = require("fs")
  const [readme, file] = process.argv.slice(1)
  const text = fs.readFileSync(file, "utf8").replace(/\n?\(exit \d+\)\n$/, "\n")
  const body = fs.readFileSync(readme, "utf8")
  const next = body.replace(/(<!-- transcript:syntax-error-no-go[^\n]*-->\n)```text\n[\s\S]*?```\n(<!-- \/transcript -->)/, (_, open, close) => `${open}\`\`\`text\n${text}\`\`\`\n${close}`)
  if (next === body && !body.includes(text)) { console.error("README: transcript markers not found"); process.exit(1) }
  fs.writeFileSync(readme, next)
' README.md "$transcripts/syntax-error-no-go.txt"
echo "README.md: transcript updated"
