#!/usr/bin/env bash
# Runs step 05's two-browser checks against a running chat, such as a learner's server on the classroom network.
#   tests/05-broadcast-chat.Tests/check-chat.sh http://192.168.1.20:5005 [--headed] [--slowmo 500]
# Without a URL the checks start a chat server of their own. Pictures go to artifacts/screenshots/.
set -euo pipefail

usage() { echo "usage: $0 [<chat URL>] [--headed] [--slowmo <ms>]" >&2; exit 2; }

if [[ $# -gt 0 && $1 != --* ]]; then
  export CHAT_URL=$1
  shift
fi
while [[ $# -gt 0 ]]; do
  case $1 in
    --headed) export HEADED=1 ;;
    --slowmo) [[ $# -ge 2 ]] || usage; export SLOWMO=$2; shift ;;
    *) usage ;;
  esac
  shift
done

cd "$(dirname "$0")/../.."
export SCREENSHOTS=1
exec dotnet test --project tests/05-broadcast-chat.Tests -p:Track=solutions --filter-trait "Check=TwoBrowsers"
