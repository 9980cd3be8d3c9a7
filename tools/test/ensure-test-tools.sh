#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages, when it is missing and this machine can:
# Debian's docker-compose (validates infra/compose.yaml without a Docker engine).
set -euo pipefail

if command -v docker-compose >/dev/null 2>&1 || docker compose version >/dev/null 2>&1; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "ensure-test-tools: installing Debian's docker-compose to validate infra/compose.yaml"
  apt-get install -y -qq docker-compose >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq docker-compose; }
  exit 0
fi

echo "ensure-test-tools: docker-compose is missing; install it (sudo apt-get install docker-compose) so the infra tests can validate infra/compose.yaml" >&2
exit 1
