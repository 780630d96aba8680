#!/usr/bin/env bash
# Output files when things go wrong, as a user meets it: a save killed half-way,
# a link, fifo, device or folder at the output path, an unwritable or full
# folder, the same file given for two outputs, a log that cannot be written and
# a checkpoint that fails in the middle of a run.
# The training part needs Fashion-MNIST (Debian's package); without it, it is
# skipped with a message and the rest still runs.
# usage: cli_output_files.sh CONVSTUDIO_CLI [FASHION_MNIST_DIR]
set -euo pipefail
cli=$1
fashion=${2:-/usr/share/datasets/fashion-mnist}
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
is_png() { [ "$(head -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = "89504e470d0a1a0a" ]; }
# Hidden temporary files of saves in $work (any naming scheme: ".NAME.<something>tmp-XXXXXX").
temp_count() { find "$work" -maxdepth 1 -name '.*tmp-*' | wc -l; }

# --- A save killed half-way (SIGXFSZ from the file size limit: a deterministic kill
# in the middle of writing) keeps the old file, and its temporary file is removed
# by the next save into the folder.
"$cli" kernels cats_vs_dogs_150 --out "$work/k.png" > /dev/null
cp "$work/k.png" "$work/k-before.png"
status=$(bash -c 'ulimit -f 8; "$@" > /dev/null; echo $?' - "$cli" kernels cats_vs_dogs_150 --per-filter \
    --out "$work/k.png" 2> /dev/null)
[ "$status" -eq 153 ] || fail "the save was not killed by the file size limit (status $status)"
cmp -s "$work/k.png" "$work/k-before.png" || fail "a killed save damaged the previous file"
[ "$(temp_count)" -eq 1 ] || fail "expected the killed save's temporary file, found $(temp_count)"
"$cli" kernels cats_vs_dogs_150 --out "$work/other.png" > /dev/null
[ "$(temp_count)" -eq 0 ] || fail "a save left the stale temporary file: $(ls -a "$work")"

# --- Saving onto a symbolic link writes its target; the link stays.
ln -s k.png "$work/link.png"
"$cli" kernels cats_vs_dogs_150 --per-filter --out "$work/link.png" > /dev/null
[ -L "$work/link.png" ] || fail "the link was replaced by a regular file"
is_png "$work/k.png" || fail "the link's target is not the picture"
cmp -s "$work/k.png" "$work/k-before.png" && fail "the link's target was not rewritten"

# --- Not a regular file: refused before any work, the thing left as it was.
# refused EXPECTED_TEXT COMMAND...: exit 1, EXPECTED_TEXT in the error, nothing on stdout.
refused() {
    local expected=$1
    shift
    local rc=0
    "$@" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
    [ "$rc" -eq 1 ] || fail "$*: exit code $rc, expected 1 (stderr: $(cat "$work/err.txt"))"
    grep -qF -- "$expected" "$work/err.txt" || fail "$*: the error does not say '$expected': $(cat "$work/err.txt")"
    [ ! -s "$work/out.txt" ] || fail "$*: worked before checking its output: $(head -3 "$work/out.txt")"
}
mkfifo "$work/fifo.png"
refused "$work/fifo.png: " "$cli" kernels cats_vs_dogs_150 --out "$work/fifo.png"
grep -q "fifo" "$work/err.txt" || fail "the error does not say it is a fifo: $(cat "$work/err.txt")"
[ -p "$work/fifo.png" ] || fail "the fifo was replaced"
ln -s /dev/full "$work/device.png"
refused "$work/device.png" "$cli" kernels cats_vs_dogs_150 --out "$work/device.png"
grep -q "device" "$work/err.txt" || fail "the error does not say it is a device: $(cat "$work/err.txt")"
[ "$(readlink "$work/device.png")" = /dev/full ] || fail "the link to a device was replaced"
mkdir "$work/folder.png"
refused "$work/folder.png" "$cli" kernels cats_vs_dogs_150 --out "$work/folder.png"
[ -d "$work/folder.png" ] || fail "the folder was replaced"

# --- Every command that writes checks its output before reading its inputs: a path
# under a regular file cannot be created by anyone, root included.
touch "$work/file"
bad="$work/file/x.png"
refused "$bad" "$cli" kernels cats_vs_dogs_150 --out "$bad"
refused "$bad" "$cli" dataset show "$work/no-data" --out "$bad"
refused "$bad" "$cli" augment preview "$work/no-data" --out "$bad"
refused "$bad" "$cli" predict "$work/no-model.safetensors" "$work/no-image.png" --csv "$bad"
refused "$bad" "$cli" gradcam "$work/no-model.safetensors" "$work/no-image.png" --out "$bad"
refused "$work/file/maps" "$cli" features cats_vs_dogs_150 "$work/no-image.png" --out-dir "$work/file/maps"
refused "$bad" "$cli" image "$work/no-image.png" --out "$bad"
refused "$bad" "$cli" convolve --out "$bad" --mode correlation
refused "$bad" "$cli" pool --out "$bad"
refused "$bad" "$cli" train --data "$work/no-data" --out "$bad"
refused "$bad" "$cli" train --data "$work/no-data" --log "$bad"
refused "$bad" "$cli" train --data "$work/no-data" --checkpoint "filepath=$bad"
# A missing folder, a full disk (a file size limit of 0: no byte can be written), a
# read-only folder (root writes there anyway, so only checked for other users).
refused "$work/missing/m.safetensors" "$cli" train --data "$work/no-data" --out "$work/missing/m.safetensors"
# (The limit is set for the command only: its messages go through a pipe to err.txt.)
refused "$work/m.safetensors" bash -c 'trap "" XFSZ; (ulimit -f 0; exec "$@") 2>&1 >/dev/null | cat >&2
                                      exit "${PIPESTATUS[0]}"' - \
    "$cli" train --data "$work/no-data" --out "$work/m.safetensors"
[ "$(temp_count)" -eq 0 ] || fail "the writability check left a file: $(ls -a "$work")"
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$work/read-only" && chmod 555 "$work/read-only"
    refused "$work/read-only/m.safetensors" "$cli" train --data "$work/no-data" --out "$work/read-only/m.safetensors"
else
    echo "read-only folder case skipped: running as root, who may write there"
fi

# --- The same file for two outputs is a usage error (exit 2), given before training.
rc=0
"$cli" train --data "$work/no-data" --log "$work/same" --out "$work/./same" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 2 ] || fail "--log X --out X: exit code $rc, expected 2: $(cat "$work/err.txt")"
grep -q -- "--log" "$work/err.txt" && grep -q -- "--out" "$work/err.txt" || fail "same file: $(cat "$work/err.txt")"
rc=0
"$cli" train --data "$work/no-data" --out "$work/m.safetensors" \
    --checkpoint "filepath=$work/m.safetensors,save_best_only=true" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 2 ] || fail "a best-only checkpoint onto --out: exit code $rc, expected 2: $(cat "$work/err.txt")"

# --- Training: a log that cannot be written and a checkpoint that fails mid-run are
# reported (exit 1, the file named) and the run still ends with its model saved.
if [ ! -d "$fashion" ]; then
    echo "training cases skipped: they need Fashion-MNIST in $fashion"
    echo "cli output files OK"
    exit 0
fi
cat > "$work/tiny.json" <<'JSON'
{"layers": [{"class_name": "InputLayer", "config": {"shape": [28, 28, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 10, "activation": "softmax"}}]}
JSON
train=("$cli" train --model "$work/tiny.json" --data "$fashion" --limit 200 --batch-size 50 --quiet)

rc=0
"${train[@]}" --epochs 1 --log /dev/full --out "$work/logged.safetensors" > "$work/out.txt" 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 1 ] || fail "--log /dev/full: exit code $rc, expected 1"
grep -q "/dev/full" "$work/err.txt" || fail "--log /dev/full: the error does not name the file: $(cat "$work/err.txt")"
[ -s "$work/logged.safetensors" ] || fail "--log /dev/full: the model was not saved"

mkfifo "$work/ck-2.safetensors"
rc=0
"${train[@]}" --epochs 3 --checkpoint "filepath=$work/ck-{epoch}.safetensors" --out "$work/run.safetensors" \
    > "$work/out.txt" 2> "$work/err.txt" || rc=$?
[ "$rc" -eq 1 ] || fail "a failing checkpoint: exit code $rc, expected 1: $(cat "$work/err.txt")"
grep -q "ck-2.safetensors" "$work/err.txt" || fail "the failed checkpoint is not named: $(cat "$work/err.txt")"
grep -q "^trained 3 epoch(s)" "$work/out.txt" || fail "the run did not go on after the failed checkpoint"
[ -s "$work/ck-1.safetensors" ] && [ -s "$work/ck-3.safetensors" ] || fail "checkpoints 1 and 3 were not saved"
[ -p "$work/ck-2.safetensors" ] || fail "the fifo in the checkpoint's place was replaced"
[ -s "$work/run.safetensors" ] || fail "the final model was not saved after a failed checkpoint"

# A checkpoint of every epoch onto --out itself: a model saved after each epoch, fine.
"${train[@]}" --epochs 2 --checkpoint "filepath=$work/auto.safetensors" --out "$work/auto.safetensors" > /dev/null
[ -s "$work/auto.safetensors" ] || fail "checkpoint onto --out"
echo "cli output files OK"
