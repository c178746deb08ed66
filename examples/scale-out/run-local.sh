#!/bin/sh
# Runs what the CI matrix does, on one machine: four shards previewed one after another, then their
# plans combined into the one pull-request comment (printed here instead of posted).
# From this directory: sh run-local.sh   (ZONESMITH overrides the command, e.g. "node ../../dist/src/bin/zonesmith.js")
set -eu
zs=${ZONESMITH:-npx zonesmith}
n=4
for i in $(seq 1 $n); do
  $zs preview --shard "$i/$n" --out "plan-$i.json" > /dev/null
  echo "shard $i/$n: $(grep -c '"domain"' "plan-$i.json") zones" >&2
done
$zs comment --dry-run plan-*.json
