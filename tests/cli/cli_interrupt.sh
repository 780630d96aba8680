#!/usr/bin/env bash
# Ctrl+C during `train` stops at the next batch: no validation or test pass
# after it, the model trained so far is saved, exit code 130, and the output
# says where the run stopped. The interrupt is sent once the first epoch's row
# is in the CSV log (an event, not a delay), so it lands in a later epoch.
# usage: cli_interrupt.sh CONVSTUDIO_CLI
set -euo pipefail
cli=$1
work=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; cat "$work/train.txt" >&2 || true; exit 1; }
if [ ! -d "${CONVSTUDIO_FASHION_MNIST:-/usr/share/datasets/fashion-mnist}" ]; then
    echo "SKIP: Fashion-MNIST is not installed (Debian package dataset-fashion-mnist)"
    exit 77
fi

"$cli" train --epochs 50 --limit 2000 --batch-size 32 --seed 5 --out "$work/m.safetensors" \
    --log "$work/history.csv" > "$work/train.txt" 2>&1 &
pid=$!
# Wait (at most ten minutes: only a hang takes that long) for epoch 1's row.
for _ in $(seq 6000); do
    [ "$(wc -l < "$work/history.csv" 2>/dev/null || echo 0)" -ge 2 ] && break
    kill -0 "$pid" 2>/dev/null || fail "train ended before its first epoch"
    sleep 0.1
done
[ "$(wc -l < "$work/history.csv")" -ge 2 ] || fail "no epoch finished"
kill -INT "$pid"
status=0
wait "$pid" || status=$?
pid=
[ "$status" -eq 130 ] || fail "exit status $status, expected 130"
grep -Eq "^interrupted in epoch [0-9]+ (at batch [0-9]+/50|'s validation): the model trained so far \([0-9]+ complete epoch\(s\)\) was saved" \
    "$work/train.txt" || fail "no 'interrupted in epoch N at batch b/50' line"
grep -q "^test loss" "$work/train.txt" && fail "a test pass ran after the interrupt"
grep -q "^saved $work/m.safetensors" "$work/train.txt" || fail "model not saved"
"$cli" evaluate "$work/m.safetensors" > "$work/eval.txt" || fail "the saved model does not evaluate"
grep -Eq "^accuracy 0\.[0-9]+" "$work/eval.txt" || fail "evaluate printed no accuracy"
echo "cli_interrupt: OK"
