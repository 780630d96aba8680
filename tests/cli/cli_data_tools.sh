#!/usr/bin/env bash
# The data and playground commands checked as a user runs them: printed
# results, the pictures written, training and evaluating on CIFAR-10 and on
# an image folder, and clear errors on bad folders.
# usage: cli_data_tools.sh CONVSTUDIO_CLI SHARED_DATASETS_DIR
set -euo pipefail
cli=$1
datasets=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
png_size() { /usr/bin/python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); assert d[:8]==b'\x89PNG\r\n\x1a\n'; print(*struct.unpack('>II', d[16:24]))" "$1"; }

# The course's convolution lesson: cross-correlation and scipy's flipped convolution.
"$cli" convolve > "$work/conv.txt"
grep -q "\[  6 -12 -14\]" "$work/conv.txt" || fail "cross-correlation of the lesson's 5x5 example"
grep -q "\[-6 12 14\]" "$work/conv.txt" || fail "flipped convolution of the lesson's 5x5 example"
grep -q "output: 3x3" "$work/conv.txt" || fail "valid 3x3 output size"

# The pooling lesson's 4x4 example.
"$cli" pool > "$work/pool.txt"
grep -q "\[6 4\]" "$work/pool.txt" && grep -q "\[9 6\]" "$work/pool.txt" || fail "max pooling [[6,4],[9,6]]"

# The rest reads the shared data sets (CIFAR-10, cats vs dogs): a clone without
# ../shared skips it, saying so (ctest shows the test as skipped).
for need in cifar-10-batches-bin cats_and_dogs_filtered; do
    if [ ! -d "$datasets/$need" ]; then
        echo "SKIP: $datasets/$need is missing (the shared data sets, ../shared/datasets next to the clone);"
        echo "      the convolution and pooling checks above passed"
        exit 77
    fi
done

# A labelled grid of the first 9 images, and the class counts.
"$cli" dataset show "$datasets/cifar-10-batches-bin" --out "$work/first9.png" > "$work/show.txt"
grep -Eq "^total +20,000 +10,000" "$work/show.txt" || fail "CIFAR-10 counts"
[ "$(png_size "$work/first9.png")" = "320 386" ] || fail "grid size $(png_size "$work/first9.png")"

# Augmentation preview of the course's cats-vs-dogs settings: same seed, same picture.
for i in 1 2; do
    "$cli" augment preview "$datasets/cats_and_dogs_filtered" --out "$work/aug$i.png" --seed 5 \
        --rotation-range 20 --width-shift-range 0.2 --horizontal-flip > /dev/null
done
cmp -s "$work/aug1.png" "$work/aug2.png" || fail "augmentation preview is not reproducible"

# The image lesson: grey, resize, save.
"$cli" image "$datasets/cats_and_dogs_filtered/train/cats/cat.1.jpg" --grey --resize 64x48 --out "$work/cat.png" > /dev/null
[ "$(png_size "$work/cat.png")" = "64 48" ] || fail "resized image size"

# CIFAR-10 with the course's model, then an image folder trained and evaluated at 32x32.
"$cli" train --model cifar10_three_conv --data "$datasets/cifar-10-batches-bin" --epochs 1 --limit 2000 \
    --out "$work/cifar.safetensors" --quiet > "$work/cifar.txt"
grep -Eq "^test loss [0-9.]+ - test accuracy 0\.[1-9]" "$work/cifar.txt" || fail "CIFAR-10 training"
cat > "$work/tiny.json" <<'JSON'
{"layers": [{"class_name": "InputLayer", "config": {"shape": [32, 32, 3]}},
            {"class_name": "Conv2D", "config": {"filters": 8, "kernel_size": 3, "activation": "relu"}},
            {"class_name": "GlobalAveragePooling2D", "config": {}},
            {"class_name": "Dense", "config": {"units": 1, "activation": "sigmoid"}}]}
JSON
"$cli" train --model "$work/tiny.json" --data "$datasets/cats_and_dogs_filtered" --epochs 1 --steps-per-epoch 5 \
    --batch-size 16 --out "$work/cats.safetensors" --quiet > "$work/cats.txt"
grep -q "binary_crossentropy" "$work/cats.txt" || fail "one sigmoid unit trains with binary_crossentropy"
"$cli" evaluate "$work/cats.safetensors" --data "$datasets/cats_and_dogs_filtered" > "$work/cats-eval.txt"
grep -Eq "^accuracy 0\.[0-9]+" "$work/cats-eval.txt" || fail "evaluate on an image folder"

# Bad folders: a clear message naming the folder, exit code 1.
mkdir -p "$work/empty"
if "$cli" dataset show "$work/empty" 2> "$work/err.txt"; then fail "an empty folder was accepted"; fi
grep -q "$work/empty" "$work/err.txt" || fail "the error does not name the folder: $(cat "$work/err.txt")"
echo "cli data tools OK"
