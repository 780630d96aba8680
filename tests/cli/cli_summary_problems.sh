#!/bin/sh
# `convstudio-cli summary` of an architecture whose layers do not fit together
# prints the same problems and quick fixes as the editor, and exits 1.
set -u
CLI="$1"
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# A Dense right after a Conv2D: Flatten, GlobalAveragePooling2D or removing it fixes it.
cat > "$DIR/conv_dense.json" <<'JSON'
{"layers": [
  {"class_name": "InputLayer", "config": {"shape": [28, 28, 1]}},
  {"class_name": "Conv2D", "config": {"filters": 8, "kernel_size": 3, "activation": "relu"}},
  {"class_name": "Dense", "config": {"units": 16, "activation": "relu"}},
  {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}
JSON
"$CLI" summary "$DIR/conv_dense.json" > "$DIR/out.txt" 2>&1
code=$?
cat "$DIR/out.txt"
[ "$code" -eq 1 ] || fail "exit code $code, expected 1"
grep -q 'conv2d (Conv2D) *(None, 26, 26, 8) *80' "$DIR/out.txt" || fail "the table up to the problem"
grep -q '^1 problem(s):' "$DIR/out.txt" || fail "the problem count"
grep -q '^  dense (Dense): .*flat input' "$DIR/out.txt" || fail "the problem of dense"
grep -q '^    fix: Insert a Flatten before dense$' "$DIR/out.txt" || fail "the Flatten fix"
grep -q '^    fix: Insert a GlobalAveragePooling2D before dense$' "$DIR/out.txt" || fail "the pooling fix"
grep -q '^    fix: Remove dense$' "$DIR/out.txt" || fail "the removal fix"
grep -q 'dense_1 (Dense) *? *?' "$DIR/out.txt" || fail "unknown shape after the problem"

# A model that fits: the plain table, no problems, exit 0.
"$CLI" summary mnist_cnn_architecture > "$DIR/ok.txt" 2>&1 || fail "a valid preset failed"
grep -q 'problem' "$DIR/ok.txt" && fail "a valid preset reports problems"
echo OK
