#!/usr/bin/env bash
# Thread dumps of the benchmarked app every 12 s while the benchmark runs, labelled with the benchmark's last line, and
# a count per sample of what the busy HTTP threads are doing (docs/benchmarks.md, "What limits the unmet targets").
#   tools/benchmark/sample-threads.sh <benchmark log> [samples] [out dir]
set -euo pipefail
log=$1; samples=${2:-40}; out=${3:-target/thread-samples}
mkdir -p "$out"
for i in $(seq 1 "$samples"); do
  pid=$(pgrep -f 'spring.profiles.active=benchmark' | head -1 || true)
  if [ -n "$pid" ]; then
    jstack "$pid" > "$out/s$i.txt" 2>/dev/null || true
    echo "$i $(date +%T) $(grep '^\[bench\]' "$log" | tail -1 | cut -c1-80)" >> "$out/index.txt"
  fi
  sleep 12
done
# per sample: busy http-nio threads by their first non-JDK frame and the first IR Foundation frame
for f in "$out"/s*.txt; do
  echo "== $f"
  awk 'BEGIN{RS=""} /"http-nio/ && /org\.irfoundation/ {
         n=split($0, l, "\n"); top=""; irf="";
         for (i=2;i<=n;i++) { if (l[i] ~ /^[[:space:]]*at / && top=="" && l[i] !~ /at (java|jdk|sun)\./) top=l[i];
                              if (l[i] ~ /org\.irfoundation/ && irf=="") irf=l[i] }
         print top " <- " irf }' "$f" | sed 's/^[[:space:]]*//' | sort | uniq -c | sort -rn
done
