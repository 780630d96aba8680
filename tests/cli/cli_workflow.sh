#!/usr/bin/env bash
# The course's workflow through convstudio-cli, checked end to end:
# train a small run, evaluate it, classify images, continue training from the
# saved file, and write the CSV history and a checkpoint.
# usage: cli_workflow.sh CONVSTUDIO_CLI SHARED_DATASETS_DIR
set -euo pipefail
cli=$1
datasets=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$cli" train --epochs 2 --limit 3000 --batch-size 64 --seed 3 --out "$work/m.safetensors" \
    --log "$work/history.csv" --checkpoint "filepath=$work/best-{epoch:02d}.safetensors,save_best_only=true" \
    --early-stopping "patience=3" --reduce-lr-on-plateau "factor=0.5,patience=1" > "$work/train.txt"
cat "$work/train.txt"
grep -q "^Fashion-MNIST: 3,000 train / 10,000 test" "$work/train.txt" || fail "data line"
grep -Eq "images/s" "$work/train.txt" || fail "no images/s"
grep -Eq "^test loss [0-9.]+ - test accuracy 0\.[6-9]" "$work/train.txt" || fail "test accuracy below 60%"
[ -s "$work/m.safetensors" ] || fail "no model written"
[ -s "$work/best-01.safetensors" ] || fail "no checkpoint of epoch 1"
[ "$(head -1 "$work/history.csv")" = "epoch,accuracy,learning_rate,loss,val_accuracy,val_loss" ] || fail "CSV header"
[ "$(wc -l < "$work/history.csv")" -eq 3 ] || fail "CSV rows"

"$cli" evaluate "$work/m.safetensors" > "$work/eval.txt"
grep -Eq "^accuracy 0\.[6-9]" "$work/eval.txt" || fail "evaluate accuracy line"
grep -q "Ankle boot" "$work/eval.txt" || fail "class names in report"
grep -q "macro avg" "$work/eval.txt" || fail "macro averages"

img="$datasets/cats_and_dogs_filtered/train/cats/cat.1.jpg"
if [ ! -f "$img" ]; then # a clone without ../shared: a picture of our own making instead
    echo "note: $img is missing (the shared data sets); predicting a Fashion-MNIST grid picture instead"
    "$cli" dataset show /usr/share/datasets/fashion-mnist --out "$work/grid.png" > /dev/null
    img="$work/grid.png"
fi
"$cli" predict "$work/m.safetensors" "$img" --top 10 --json > "$work/predict.json"
/usr/bin/python3 - "$work/predict.json" <<'PY' || fail "predict JSON"
import json, sys
out = json.load(open(sys.argv[1]))
top = out[0]["top"]
assert len(top) == 10, top
total = sum(t["probability"] for t in top)
assert abs(total - 1.0) < 1e-4, total
assert all(top[i]["probability"] >= top[i + 1]["probability"] for i in range(9))
PY

# Continue training from the saved file (its optimizer state comes along).
"$cli" train --model "$work/m.safetensors" --epochs 1 --limit 1000 --out "$work/m2.safetensors" --quiet > "$work/resume.txt"
grep -q "Adam lr" "$work/resume.txt" || fail "resume"
echo "cli workflow OK"
