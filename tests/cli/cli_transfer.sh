#!/usr/bin/env bash
# Transfer learning from the command line (issue 13 item 4): the course's
# Keras mejor_modelo.h5 (Fashion-MNIST) fine-tuned on MNIST with its features
# frozen and a new classifier head; the frozen kernels are unchanged (their
# pictures are byte-identical), only the head trains; refusals name the problem.
# usage: cli_transfer.sh CONVSTUDIO_CLI KERAS_FIXTURES_DIR SHARED_DATASETS_DIR
set -euo pipefail
cli=$1
keras=$2
mnist=$3/mnist
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
[ -d "$mnist" ] || { echo "SKIP: $mnist is absent (a clone without ../shared/datasets)"; exit 0; }

"$cli" train --model "$keras/mejor_modelo.h5" --data "$mnist" --freeze-up-to flatten --new-head \
    --epochs 1 --limit 3200 --batch-size 32 --validation-split 0 --threads 2 --quiet \
    --out "$work/tuned.safetensors" > "$work/train.txt"
expected="transfer learning: froze 9 layer(s) up to flatten; new head classifier (Dense 10, softmax) replaces dense, dropout_2, dense_1; 4 layer(s) start from the loaded weights"
grep -qF "$expected" "$work/train.txt" || fail "no transfer line: $(cat "$work/train.txt")"
# Only the head trains: 7*7*64*10 + 10 parameters.
"$cli" summary "$work/tuned.safetensors" > "$work/summary.txt"
grep -q "^Trainable params: 31,370" "$work/summary.txt" || fail "trainable parameters: $(grep params "$work/summary.txt")"
grep -q "classifier (Dense)" "$work/summary.txt" || fail "no classifier layer: $(cat "$work/summary.txt")"
for layer in conv2d conv2d_1; do
    "$cli" kernels "$keras/mejor_modelo.h5" --layer $layer --out "$work/before_$layer.png" > /dev/null
    "$cli" kernels "$work/tuned.safetensors" --layer $layer --out "$work/after_$layer.png" > /dev/null
    cmp -s "$work/before_$layer.png" "$work/after_$layer.png" || fail "the frozen $layer changed"
done
# The new head learned MNIST from the Fashion-MNIST features: test accuracy far above chance (0.1).
accuracy=$(sed -n 's/.*test accuracy \([0-9.]*\).*/\1/p' "$work/train.txt")
[ -n "$accuracy" ] || fail "no test accuracy: $(cat "$work/train.txt")"
awk -v a="$accuracy" 'BEGIN { exit !(a > 0.5) }' || fail "test accuracy $accuracy after fine-tuning"

# Refusals: exit code 2, the problem named, nothing written.
refused() {
    local expected=$1
    shift
    local rc=0
    "$@" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
    [ "$rc" -eq 2 ] || fail "$*: exit code $rc, expected 2 (stderr: $(cat "$work/err.txt"))"
    grep -qF -- "$expected" "$work/err.txt" || fail "$*: the error does not say '$expected': $(cat "$work/err.txt")"
    [ ! -e "$work/new.safetensors" ] || fail "$*: wrote an output file anyway"
}
refused "--freeze-up-to keeps trained weights, and fashion_mnist_first_cnn has none" \
    "$cli" train --model fashion_mnist_first_cnn --freeze-up-to conv2d --data "$mnist" --out "$work/new.safetensors"
refused "--freeze-up-to: $keras/mejor_modelo.h5 has no layer named 'conv9'" \
    "$cli" train --model "$keras/mejor_modelo.h5" --freeze-up-to conv9 --data "$mnist" --out "$work/new.safetensors"
echo "transfer learning: OK ($accuracy)"
