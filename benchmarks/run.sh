#!/usr/bin/env bash
# Runs the benchmark suite and prints the table (see BENCHMARKS.md).
#
#   benchmarks/run.sh                 the full suite (about 16 minutes on 2 cores, 6 of them W8); results in benchmarks/results/
#   benchmarks/run.sh --smoke         1 short warm-up and 1 short iteration each: proves it runs, rough figures;
#                                     results in benchmarks/target/results/
#   benchmarks/run.sh --include REGEX only the JMH benchmarks matching REGEX (e.g. 'SendInMemory'), plus W6
#   benchmarks/run.sh --no-memory     without W6
#   benchmarks/run.sh --include MixedPostgres --no-memory
#                                     W7 alone (the mixed workload on two instances, 1 and 8 threads: about 1 minute)
#   benchmarks/run.sh --include RecordExportInMemory --no-memory
#                                     W8 alone (export and verify a record of 10,000 messages: about 6 minutes,
#                                     half of it the one PDF verification)
#   benchmarks/run.sh --include SendPostgres --no-memory
#                                     W3 alone (send on PostgreSQL against the SQL floor, event rows included: about 1 minute)
#   benchmarks/run.sh --include ConsumeEventsPostgres --no-memory
#                                     W9 alone (20,000 events consumed at 1 and 4 consumer threads against a
#                                     SKIP LOCKED queue floor: about 3 minutes)
#
# Builds what it needs first (mvn package, tests skipped), then runs JMH through Suite on the class
# path Maven wrote to benchmarks/target/benchmark.classpath.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -B -q -pl benchmarks -am package -DskipTests

out=benchmarks/results
for arg in "$@"; do
  if [ "$arg" = "--smoke" ]; then out=benchmarks/target/results; fi
done

classpath="benchmarks/target/classes:$(cat benchmarks/target/benchmark.classpath)"
exec java -Xmx512m -cp "$classpath" dev.casemail.messaging.benchmarks.Suite --out "$out" "$@"
