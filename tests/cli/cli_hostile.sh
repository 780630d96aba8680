#!/usr/bin/env bash
# Hostile inputs through convstudio-cli (issue 10): tiny files that claim
# huge sizes are refused from their headers with the figure, under an address
# space cap that the old behaviour (allocating what they claim) exceeded;
# folder links that loop are reported, not followed; broken model files fail
# with the path and the key. Needs no shared data set: every file is made here.
# usage: cli_hostile.sh CONVSTUDIO_CLI
set -uo pipefail
cli=$1
here=$(cd "$(dirname "$0")" && pwd)
make() { /usr/bin/python3 "$here/hostile_files.py" "$@"; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# Runs the CLI under a 1.5 GB address-space cap: enough for its own libraries,
# far below what the hostile files used to make it allocate.
# Under AddressSanitizer (scripts/sanitize.sh sets ASAN_OPTIONS) an address-space
# cap leaves no room for its shadow memory: ASan's own resident-memory limit
# stands in for it.
if [ -n "${ASAN_OPTIONS:-}" ]; then
    capped() { ASAN_OPTIONS="$ASAN_OPTIONS:hard_rss_limit_mb=1500" "$cli" "$@"; }
else
    capped() { (ulimit -v 1500000; "$cli" "$@"); }
fi

# A tiny image folder (grey 16x16 PNGs) and a model trained on it.
for class in cats dogs; do
    for i in 1 2 3 4; do make png "$work/data/$class/$i.png" 16 16 "$i$([ $class = cats ] && echo 0 || echo 5)"; done
done
cat > "$work/tiny.json" <<'JSON'
{"layers": [{"class_name": "InputLayer", "config": {"shape": [16, 16, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 4, "kernel_size": 3, "activation": "relu"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]}
JSON
"$cli" train --model "$work/tiny.json" --data "$work/data" --epochs 1 --batch-size 4 --validation-split 0.25 \
    --color-mode grayscale --out "$work/tiny.safetensors" --quiet > /dev/null || { echo "FAIL: training the tiny model"; exit 1; }

# 1. Auto-naming is linear: 3,000 unnamed layers get Keras's names (the old
#    cubic naming took minutes for this).
make unnamed-dense "$work/unnamed.json" 3000
"$cli" summary "$work/unnamed.json" > "$work/unnamed.txt" || fail "summary of 3,000 unnamed layers"
grep -q "^ dense_2999 (Dense)" "$work/unnamed.txt" || fail "the last automatic name is not dense_2999"
grep -q "^Total params: 18,004$" "$work/unnamed.txt" || fail "3,000 Dense(2) layers have 18,004 parameters"

# 2. A Dense of 1,048,576 units: the summary counts its 710,934,528 parameters
#    from the shapes (it used to build them: 5.5 GB); building it is refused.
make huge-dense "$work/huge.json"
capped summary "$work/huge.json" > "$work/huge.txt" 2>&1 || fail "summary of the huge Dense under a 1.5 GB cap: $(tail -1 "$work/huge.txt")"
grep -q "^Total params: 710,934,528$" "$work/huge.txt" || fail "the huge Dense's parameter count"
cat > "$work/huge-train.json" <<'JSON'
{"layers": [{"class_name": "InputLayer", "config": {"shape": [16, 16, 1]}}, {"class_name": "Flatten", "config": {}},
            {"class_name": "Dense", "config": {"units": 1048576}}, {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]}
JSON
if capped train --model "$work/huge-train.json" --data "$work/data" --epochs 1 --color-mode grayscale \
    --out "$work/never.safetensors" --quiet > /dev/null 2> "$work/huge-train.err"; then fail "training the huge Dense was accepted"; fi
grep -q "the model needs 2.2 GB for its 271,581,186 parameters and their gradients, over the 2 GB limit (CONVSTUDIO_MEMORY_LIMIT)" \
    "$work/huge-train.err" || fail "the memory refusal: $(cat "$work/huge-train.err")"

# 3. A 30000x30000 JPEG among good images: refused from its header, the others
#    still classified, exit code 1.
mkdir -p "$work/mixed"
make png "$work/src.png" 64 48 3
"$cli" image "$work/src.png" --out "$work/mixed/huge.jpg" > /dev/null
make set-jpeg-size "$work/mixed/huge.jpg" 30000 30000
cp "$work/data/cats/1.png" "$work/mixed/a.png"
cp "$work/data/dogs/2.png" "$work/mixed/b.png"
capped predict "$work/tiny.safetensors" "$work/mixed" > "$work/predict.out" 2> "$work/predict.err"
[ $? -eq 1 ] || fail "predict with a hostile JPEG should exit 1"
grep -q "^$work/mixed/a.png$" "$work/predict.out" && grep -q "^$work/mixed/b.png$" "$work/predict.out" \
    || fail "the good images were not classified: $(cat "$work/predict.err")"
grep -q "not classified: $work/mixed/huge.jpg: a JPEG of 30000x30000 pixels (900 megapixels) by its header, over the 100-megapixel limit (CONVSTUDIO_MAX_IMAGE_PIXELS): not decoded" \
    "$work/predict.err" || fail "the hostile JPEG's message: $(cat "$work/predict.err")"
CONVSTUDIO_MAX_IMAGE_PIXELS=100 "$cli" predict "$work/tiny.safetensors" "$work/mixed/a.png" 2> "$work/limit.err" > /dev/null
grep -q "a PNG of 16x16 pixels (256 pixels) by its header, over the 100-pixel limit" "$work/limit.err" \
    || fail "CONVSTUDIO_MAX_IMAGE_PIXELS is not applied: $(cat "$work/limit.err")"

# 4. Folder links that loop: counted once, reported, no hang.
cp -r "$work/data" "$work/loops"
ln -s . "$work/loops/cats/self"
ln -s . "$work/loops/cats/again"
ln -s .. "$work/loops/dogs/up"
"$cli" dataset show "$work/loops" --out "$work/grid.png" > "$work/loops.txt" || fail "dataset show with looping links"
grep -Eq "^0 cats +4$" "$work/loops.txt" && grep -Eq "^1 dogs +4$" "$work/loops.txt" \
    || fail "images counted more than once: $(grep -E 'cats|dogs' "$work/loops.txt")"
grep -q "loops/cats/self (a link to .*, which holds this folder (a loop): not followed)" "$work/loops.txt" \
    || fail "the looping link is not reported"

# 5. A safetensors file whose 8-byte header length is 2^62, padded (sparsely) to
#    3 GB: refused before reading the body.
make safetensors-huge-header "$work/huge.safetensors" 3000000000
capped summary "$work/huge.safetensors" 2> "$work/st.err" > /dev/null
grep -q "$work/huge.safetensors: header length 4611686018427387904 does not fit in a file of 3000000000 bytes" \
    "$work/st.err" || fail "the safetensors header length: $(cat "$work/st.err")"

# 6. An IDX set claiming 1,000,000 images of 64x64 with 2 labels: refused from
#    the two headers, before decompressing anything.
mkdir -p "$work/idx"
for split in train t10k; do
    make idx-claim "$work/idx/$split-images-idx3-ubyte.gz" 1000000 64 64
    make idx-labels "$work/idx/$split-labels-idx1-ubyte.gz" 2
done
capped dataset show "$work/idx" --out "$work/idx.png" 2> "$work/idx.err" > /dev/null
grep -q "$work/idx/train-images-idx3-ubyte.gz: header promises 4096000000 bytes of data, more than a [0-9]*-byte gzip file can hold" \
    "$work/idx.err" || fail "the IDX claim: $(cat "$work/idx.err")"

# 7. Broken model files: the path first, then the tensor and key.
first=$(make first-weight "$work/tiny.safetensors")
make edit-model "$work/tiny.safetensors" "$work/dtype.safetensors" dtype-number "$first"
"$cli" summary "$work/dtype.safetensors" 2> "$work/dtype.err" > /dev/null
grep -q "error: $work/dtype.safetensors: tensor '$first': key 'dtype' must be a string, found 5" "$work/dtype.err" \
    || fail "dtype error: $(cat "$work/dtype.err")"
make edit-model "$work/tiny.safetensors" "$work/shape.safetensors" no-shape "$first"
"$cli" summary "$work/shape.safetensors" 2> "$work/shape.err" > /dev/null
grep -q "error: $work/shape.safetensors: tensor '$first': missing key 'shape'" "$work/shape.err" \
    || fail "missing shape error: $(cat "$work/shape.err")"

# 8. A negative optimizer step count and a NaN weight: refused on load, exit 1.
make edit-model "$work/tiny.safetensors" "$work/iter.safetensors" negative-iterations
if "$cli" evaluate "$work/iter.safetensors" --data "$work/data" > /dev/null 2> "$work/iter.err"; then fail "negative iterations accepted"; fi
grep -q "$work/iter.safetensors: __metadata__ 'optimizer': key 'iterations' must be a whole number >= 0" "$work/iter.err" \
    || fail "negative iterations message: $(cat "$work/iter.err")"
make edit-model "$work/tiny.safetensors" "$work/nan.safetensors" nan-weight "$first"
if "$cli" predict "$work/nan.safetensors" "$work/mixed/a.png" > "$work/nan.out" 2> "$work/nan.err"; then fail "NaN weights accepted"; fi
grep -q "$work/nan.safetensors: weight '$first' holds NaN at index 0" "$work/nan.err" || fail "NaN message: $(cat "$work/nan.err")"
grep -q "nan%" "$work/nan.out" && fail "a NaN probability was printed"

# 9. An architecture whose kernel is larger than its input: every command that
#    reads it names the file, then the layer.
cat > "$work/big-kernel.json" <<'JSON'
{"layers": [{"class_name": "InputLayer", "config": {"shape": [16, 16, 1]}},
            {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 20}},
            {"class_name": "Flatten", "config": {}}, {"class_name": "Dense", "config": {"units": 2, "activation": "softmax"}}]}
JSON
for command in summary train; do
    extra=()
    [ $command = train ] && extra=(--data "$work/data" --color-mode grayscale --epochs 1 --out "$work/never2.safetensors")
    if [ $command = train ]; then args=(--model "$work/big-kernel.json"); else args=("$work/big-kernel.json"); fi
    if "$cli" $command "${args[@]}" "${extra[@]}" > /dev/null 2> "$work/kernel.err"; then fail "$command accepted a 20x20 kernel on 16x16"; fi
    grep -q "error: $work/big-kernel.json: conv2d (Conv2D): the 20x20 kernel is larger than its 16x16 input" "$work/kernel.err" \
        || fail "$command's kernel message: $(cat "$work/kernel.err")"
done

[ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }
echo "cli hostile inputs OK"
