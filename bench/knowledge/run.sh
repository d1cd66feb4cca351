#!/bin/sh
# Knowledge search quality (MRR, recall@5 on the judged set) and search latency on the demo articles.
# Prints the figures recorded in docs/benchmarks.md; needs no database.
cd "$(dirname "$0")/../.." || exit 1
uptime
mvn -q -o test -Dtest=KnowledgeRankingTests -Dsurefire.failIfNoSpecifiedTests=false 2>&1 | grep -E "knowledge|not first"
