#!/usr/bin/env bash
# wait_for_url.sh URL [SECONDS]: wait until URL answers with a non-5xx status.
url=$1; limit=${2:-60}
for ((i = 0; i < limit; i++)); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  if [[ $code =~ ^[234] ]]; then exit 0; fi
  sleep 1
done
echo "No answer from $url after ${limit}s" >&2
exit 1
