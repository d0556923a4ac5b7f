#!/usr/bin/env bash
# Lints the API document with the linter pinned in tools/openapi/package.json.
# Exit 77 (CTest: skipped) when `npm ci` has not been run in tools/openapi.
set -euo pipefail
root="$1"
lint="$root/tools/openapi/node_modules/.bin/redocly"
if [ ! -x "$lint" ]; then
  echo "skipped: $lint missing (run: cd tools/openapi && npm ci)"
  exit 77
fi
cd "$root/tools/openapi"
"$lint" lint --config redocly.yaml "$root/docs/api/openapi.yaml"
