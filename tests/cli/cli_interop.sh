#!/usr/bin/env bash
# export and import as a user runs them: a preset to ONNX and back, a PyTorch
# export (the course's SimpleCNN) imported and used by summary, predict and
# kernels directly and as the saved .safetensors; broken, unsupported and
# foreign files refused by path, with nothing written.
# usage: cli_interop.sh CONVSTUDIO_CLI ONNX_FIXTURES_DIR
set -euo pipefail
cli=$1
fixtures=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
params() { "$cli" summary "$1" | grep '^Total params'; }

# --- A preset to ONNX: an architecture, exported with its initial weights, same parameter count back.
"$cli" export cifar10_same_padding --onnx "$work/preset.onnx" > "$work/out.txt"
grep -q "exported with its initial weights" "$work/out.txt" || fail "no note about initial weights: $(cat "$work/out.txt")"
grep -q "wrote $work/preset.onnx" "$work/out.txt" || fail "export did not say what it wrote"
[ "$(head -c 1 "$work/preset.onnx" | od -An -tx1 | tr -d ' ')" = 08 ] || fail "preset.onnx does not start as an ONNX model"
[ "$(params "$work/preset.onnx")" = "$(params cifar10_same_padding)" ] || fail "parameter counts differ after export"

# --- The course's SimpleCNN from PyTorch: opened directly by every command, and imported.
[ "$(params "$fixtures/simple_cnn.onnx")" = "Total params: 67,642" ] || fail "summary of simple_cnn.onnx: $(params "$fixtures/simple_cnn.onnx")"
"$cli" kernels "$fixtures/simple_cnn.onnx" --out "$work/kernels.png" > /dev/null
"$cli" predict "$fixtures/simple_cnn.onnx" "$work/kernels.png" --top 2 > "$work/direct.txt"
"$cli" import "$fixtures/simple_cnn.onnx" --out "$work/simple.safetensors" > "$work/import.txt"
grep -q "conv1 (Conv2D)" "$work/import.txt" || fail "import printed no summary: $(cat "$work/import.txt")"
grep -q "imported $fixtures/simple_cnn.onnx (ONNX) into $work/simple.safetensors" "$work/import.txt" || fail "import did not say what it did"
"$cli" predict "$work/simple.safetensors" "$work/kernels.png" --top 2 > "$work/saved.txt"
cmp -s "$work/direct.txt" "$work/saved.txt" || fail "the imported file predicts differently: $(cat "$work/direct.txt" "$work/saved.txt")"
# Back to ONNX from the trained file: no note, the same model again.
"$cli" export "$work/simple.safetensors" --onnx "$work/again.onnx" > "$work/out.txt"
grep -q "initial weights" "$work/out.txt" && fail "a trained model was said to have initial weights"
"$cli" predict "$work/again.onnx" "$work/kernels.png" --top 2 > "$work/again.txt"
cmp -s "$work/direct.txt" "$work/again.txt" || fail "export of the imported model predicts differently"

# --- Refusals: exit code 1, the path first, the problem named, no output file.
# refused EXPECTED_TEXT COMMAND...
refused() {
    local expected=$1
    shift
    local rc=0
    "$@" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
    [ "$rc" -eq 1 ] || fail "$*: exit code $rc, expected 1 (stderr: $(cat "$work/err.txt"))"
    grep -qF -- "$expected" "$work/err.txt" || fail "$*: the error does not say '$expected': $(cat "$work/err.txt")"
    [ ! -e "$work/new.safetensors" ] || fail "$*: wrote an output file anyway"
}
head -c 5000 "$fixtures/simple_cnn.onnx" > "$work/truncated.onnx"
refused "import: error: $work/truncated.onnx: not an ONNX model, or a truncated one" \
    "$cli" import "$work/truncated.onnx" --out "$work/new.safetensors"
refused "$fixtures/unsupported.onnx: uses operators ConvStudio cannot import: LeakyRelu, Resize" \
    "$cli" import "$fixtures/unsupported.onnx" --out "$work/new.safetensors"
refused "summary: error: $work/truncated.onnx: not an ONNX model" "$cli" summary "$work/truncated.onnx"
echo "just some text" > "$work/notes.txt"
refused "$work/notes.txt: not a model file ConvStudio can import (it reads: ONNX)" \
    "$cli" import "$work/notes.txt" --out "$work/new.safetensors"

# --- Usage errors: exit code 2.
rc=0; "$cli" export cifar10_same_padding 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--onnx" "$work/err.txt" || fail "export without a format: exit $rc, $(cat "$work/err.txt")"
rc=0; "$cli" import "$fixtures/simple_cnn.onnx" 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 2 ] && grep -q -- "--out" "$work/err.txt" || fail "import without --out: exit $rc, $(cat "$work/err.txt")"
"$cli" export --help | grep -q -- "--onnx FILE" || fail "export --help does not list --onnx"
"$cli" import --help | grep -q "BatchNormalization" || fail "import --help does not list what it accepts"
echo "ok"
