#!/usr/bin/env bash
# Issue 15: "launch stays as it is". Usage: tools/launch.sh target/release/anyqtama-desktop
# (needs Xvfb, x11-utils and bc; the window mapping is found with xwininfo).
# Launch time (spawn -> window mapped) and memory (RSS, PSS of the app and its WebKit processes
# after 4 s) of the desktop window, under a fresh Xvfb, 3 runs.
BIN=${1:?binary}
Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 & XV=$!
sleep 1
export DISPLAY=:97
for i in 1 2 3; do
  home=$(mktemp -d)
  start=$(date +%s.%N)
  HOME=$home ANYQTAMA_DB=$home/office.sqlite "$BIN" >/dev/null 2>&1 & APP=$!
  for _ in $(seq 1 500); do xwininfo -root -tree 2>/dev/null | grep -q "\"Anyqtama\"" && break; sleep 0.01; done
  mapped=$(date +%s.%N)
  sleep 4
  pids="$APP $(pgrep -P $APP | tr '\n' ' ') $(for c in $(pgrep -P $APP); do pgrep -P $c; done | tr '\n' ' ')"
  pids=$(echo "$pids $(pgrep -f WebKitWebProcess) $(pgrep -f WebKitNetworkProcess)" | tr ' ' '\n' | sort -u | tr '\n' ' ')
  rss=0; pss=0
  for p in $pids; do
    [ -r /proc/$p/smaps_rollup ] || continue
    r=$(awk '/^Rss:/{print $2}' /proc/$p/smaps_rollup); s=$(awk '/^Pss:/{print $2}' /proc/$p/smaps_rollup)
    rss=$((rss + r)); pss=$((pss + s))
  done
  printf 'run %d: window mapped after %.2f s; RSS %d MiB, PSS %d MiB (%s)\n' $i "$(echo "$mapped - $start" | bc)" $((rss/1024)) $((pss/1024)) "$(echo $pids | wc -w) processes"
  kill $APP 2>/dev/null; sleep 1; pkill -f WebKitWebProcess; pkill -f WebKitNetworkProcess; rm -rf "$home"
done
kill $XV
