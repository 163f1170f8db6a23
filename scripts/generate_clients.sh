#!/usr/bin/env bash
# Regenerate both SDKs from the committed openapi.yaml (`make clients` runs this):
#   clients/python                 openapi-python-client, settings in clients/openapi-python-client.yaml
#   clients/typescript/src/schema.ts  openapi-typescript (the hand-written client is src/index.ts)
# Usage: scripts/generate_clients.sh [OUT_DIR]
#   OUT_DIR defaults to clients/; tests/test_clients.py writes to a temporary one and compares.
# The generators' versions are pinned (pyproject.toml, clients/typescript/package-lock.json), so
# the same openapi.yaml always gives the same files.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/clients}"
venv="${VENV:-$root/.venv}"
spec="$root/openapi.yaml"
openapi_typescript="$root/clients/typescript/node_modules/.bin/openapi-typescript"

[ -f "$spec" ] || { echo "generate_clients: $spec is missing: run 'quoteapi openapi write' first" >&2; exit 1; }
[ -x "$venv/bin/openapi-python-client" ] || { echo "generate_clients: no openapi-python-client in $venv: run 'make setup'" >&2; exit 1; }
[ -x "$openapi_typescript" ] || { echo "generate_clients: no openapi-typescript: run 'make setup' (npm ci in clients/typescript)" >&2; exit 1; }

# openapi-python-client formats its output with the `ruff` on PATH (its post-hooks): use the venv's.
PATH="$venv/bin:$PATH" "$venv/bin/openapi-python-client" generate \
  --path "$spec" --config "$root/clients/openapi-python-client.yaml" --meta pdm \
  --output-path "$out/python" --overwrite --fail-on-warning >/dev/null

mkdir -p "$out/typescript/src"
"$openapi_typescript" "$spec" --output "$out/typescript/src/schema.ts" --silent

echo "generate_clients: wrote $out/python and $out/typescript/src/schema.ts from openapi.yaml"
