#!/usr/bin/env bash
# Refresh vendored front-end assets (Scottish Government Design System, htmx, Leaflet, axe-core)
# from the npm registry into src/linkwork/static/vendor/, recording versions and licences.
set -euo pipefail
cd "$(dirname "$0")/.."
SGDS=4.2.0 HTMX=2.0.11 LEAFLET=1.9.4 SWAGGER=5.31.0 RTLCSS=4.3.0
out=src/linkwork/static/vendor
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm pack --silent "@scottish-government/design-system@$SGDS" "htmx.org@$HTMX" "leaflet@$LEAFLET" "swagger-ui-dist@$SWAGGER" >/dev/null )
for f in "$tmp"/*.tgz; do d="${f%.tgz}"; mkdir -p "$d"; tar xzf "$f" -C "$d"; done
rm -rf "$out"; mkdir -p "$out/sgds/css" "$out/sgds/scripts" "$out/sgds/images/icons" "$out/htmx" "$out/leaflet" "$out/swagger-ui"
sg="$tmp"/scottish-government-design-system-$SGDS/package
cp "$sg/dist/css/design-system.min.css" "$out/sgds/css/"
# The design system is left-to-right only; rtlcss mirrors it for Arabic pages (base.html loads
# this copy when the language is written right to left; docs/decisions/0007).
( cd "$tmp" && npm install --silent --no-audit --no-fund "rtlcss@$RTLCSS" >/dev/null )
"$tmp/node_modules/.bin/rtlcss" "$out/sgds/css/design-system.min.css" "$out/sgds/css/design-system.rtl.min.css"
cp "$sg/dist/scripts/design-system.js" "$out/sgds/scripts/"
cp "$sg/dist/images/icons/icons.stack.svg" "$out/sgds/images/icons/"
cp "$sg/LICENSE.txt" "$out/sgds/LICENSE.txt"
hx="$tmp"/htmx.org-$HTMX/package
cp "$hx/dist/htmx.min.js" "$out/htmx/"; cp "$hx/LICENSE" "$out/htmx/LICENSE.txt"
lf="$tmp"/leaflet-$LEAFLET/package
cp "$lf/dist/leaflet.js" "$lf/dist/leaflet.css" "$out/leaflet/"; cp -r "$lf/dist/images" "$out/leaflet/"
cp "$lf/LICENSE" "$out/leaflet/LICENSE.txt"
sw="$tmp"/swagger-ui-dist-$SWAGGER/package
cp "$sw/swagger-ui-bundle.js" "$sw/swagger-ui-bundle.js.LICENSE.txt" "$sw/swagger-ui.css" "$sw/NOTICE" "$out/swagger-ui/"
cp "$sw/LICENSE" "$out/swagger-ui/LICENSE.txt"
cat > "$out/VERSIONS.md" <<TXT
# Vendored front-end assets (refresh with \`make assets\`)
| package | version | licence |
| --- | --- | --- |
| @scottish-government/design-system | $SGDS | MIT (Crown Copyright) |
| htmx.org | $HTMX | 0BSD |
| leaflet | $LEAFLET | BSD-2-Clause |
| swagger-ui-dist (API docs at /api/v1/docs) | $SWAGGER | Apache-2.0 |
| rtlcss (build only: design-system.rtl.min.css, the mirrored copy for Arabic) | $RTLCSS | MIT |
TXT
echo "vendored into $out"
