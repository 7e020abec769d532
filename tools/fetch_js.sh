#!/bin/sh
# Fetch the JavaScript inlined into `kgraph export --to html` from the npm registry, at pinned versions,
# into kgraph/export/vendor/ (the minified file, its licence and a record of version, licence and integrity).
# Usage: sh tools/fetch_js.sh        (run by `make vendor-js`; needs npm)
set -eu
CYTOSCAPE_VERSION=3.35.0
HERE=$(cd "$(dirname "$0")/.." && pwd)
VENDOR="$HERE/kgraph/export/vendor"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent "cytoscape@$CYTOSCAPE_VERSION" > pack.txt
TARBALL=$(tail -n 1 pack.txt)
INTEGRITY=$(npm view "cytoscape@$CYTOSCAPE_VERSION" dist.integrity)
LICENSE=$(npm view "cytoscape@$CYTOSCAPE_VERSION" license)
tar -xzf "$TARBALL"
mkdir -p "$VENDOR"
cp package/dist/cytoscape.min.js "$VENDOR/cytoscape.min.js"
cp package/LICENSE "$VENDOR/cytoscape.LICENSE.txt"
cat > "$VENDOR/vendor.json" <<JSON
{
 "cytoscape": {
  "version": "$CYTOSCAPE_VERSION",
  "license": "$LICENSE",
  "source": "https://registry.npmjs.org/cytoscape/-/cytoscape-$CYTOSCAPE_VERSION.tgz",
  "integrity": "$INTEGRITY",
  "file": "cytoscape.min.js",
  "license_file": "cytoscape.LICENSE.txt"
 }
}
JSON
echo "vendored cytoscape $CYTOSCAPE_VERSION ($LICENSE) into $VENDOR"
