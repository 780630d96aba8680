#!/bin/sh
# `convstudio-cli summary MODEL --data DIR`: how the model fits the data as
# `train` would bind it, with the fixes on both sides — the data's as the
# options that make them (--target-size, --color-mode, --class-mode), the
# model's as the editor words them. Exit 1 when something does not fit.
set -u
CLI="$1"
DATA="$2"
CATS="$DATA/cats_and_dogs_filtered"
MNIST="$DATA/mnist"
[ -d "$CATS" ] && [ -d "$MNIST" ] || { echo "SKIP: $DATA is missing"; exit 77; }
DIR=$(mktemp -d)
trap 'rm -rf "$DIR"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# The course's cats-vs-dogs model on the folder loaded at 64x64: load at 150x150 or change the input.
"$CLI" summary cats_vs_dogs_150 --data "$CATS" --target-size 64x64 --class-mode binary > "$DIR/size.txt" 2>&1
code=$?
cat "$DIR/size.txt"
[ "$code" -eq 1 ] || fail "exit code $code, expected 1"
grep -q 'Total params: 3,453,121' "$DIR/size.txt" || fail "the table"
grep -q '^data: cats_and_dogs_filtered (image folders): 64x64x3, 2 classes, class_mode binary$' "$DIR/size.txt" ||
    fail "the data line"
grep -q '^1 problem(s):' "$DIR/size.txt" || fail "the problem count"
grep -q '^  input (InputLayer): The images are loaded at 64×64×3 but the input takes 150×150×3' "$DIR/size.txt" ||
    fail "the size problem"
grep -q '^    fix (data): Load the images at 150×150 RGB: --target-size 150x150 --color-mode rgb$' "$DIR/size.txt" ||
    fail "the data fix"
grep -q '^    fix: Set the input to 64×64×3$' "$DIR/size.txt" || fail "the model fix"

# Grey images and categorical labels for one sigmoid unit: two problems, each fixable on the data side.
"$CLI" summary cats_vs_dogs_150 --data "$CATS" --color-mode grayscale > "$DIR/grey.txt" 2>&1
code=$?
cat "$DIR/grey.txt"
[ "$code" -eq 1 ] || fail "grey: exit code $code, expected 1"
grep -q '^2 problem(s):' "$DIR/grey.txt" || fail "grey: the problem count"
grep -q '^    fix (data): Load the images at 150×150 RGB: --target-size 150x150 --color-mode rgb$' "$DIR/grey.txt" ||
    fail "grey: the colour fix"
grep -q '^  dense_1 (Dense): The output is one unit .*class_mode is categorical' "$DIR/grey.txt" ||
    fail "grey: the class mode problem"
grep -q '^    fix (data): Read the labels as binary (class_mode binary): --class-mode binary$' "$DIR/grey.txt" ||
    fail "grey: the class mode fix"
grep -q '^    fix: Use 2 softmax units in dense_1$' "$DIR/grey.txt" || fail "grey: the head fix"

# As `train` binds it (the model's input size, the course's class_mode): it fits, exit 0.
"$CLI" summary cats_vs_dogs_150 --data "$CATS" --class-mode binary > "$DIR/fits.txt" 2>&1 ||
    { cat "$DIR/fits.txt"; fail "the course's binding does not fit"; }
cat "$DIR/fits.txt"
grep -q '^data: cats_and_dogs_filtered (image folders): 150x150x3, 2 classes, class_mode binary: fits the model$' "$DIR/fits.txt" ||
    fail "the fitting data line"
grep -q 'problem' "$DIR/fits.txt" && fail "a fitting binding reports problems"

# MNIST images load as stored (IDX is not resized): only the model changes.
"$CLI" summary cifar10_simple_cnn --data "$MNIST" > "$DIR/mnist.txt" 2>&1
code=$?
cat "$DIR/mnist.txt"
[ "$code" -eq 1 ] || fail "mnist: exit code $code, expected 1"
grep -q '^1 problem(s):' "$DIR/mnist.txt" || fail "mnist: the problem count"
grep -q 'as stored' "$DIR/mnist.txt" || fail "mnist: the problem says IDX loads as stored"
grep -q 'fix (data)' "$DIR/mnist.txt" && fail "mnist: a data fix the loader cannot do"
grep -q '^    fix: Set the input to 28×28×1$' "$DIR/mnist.txt" || fail "mnist: the input fix"
# The cats network cannot take 28x28 images (its fourth block gets nothing): no fix is offered,
# and one sigmoid unit for 10 classes becomes 10 softmax units.
"$CLI" summary cats_vs_dogs_150 --data "$MNIST" > "$DIR/cats-mnist.txt" 2>&1
cat "$DIR/cats-mnist.txt"
grep -q 'Set the input' "$DIR/cats-mnist.txt" && fail "cats on mnist: an input the model cannot take"
grep -q '^    fix: Use 10 softmax units in dense_1$' "$DIR/cats-mnist.txt" || fail "cats on mnist: the head fix"
"$CLI" summary cats_vs_dogs_150 --data "$MNIST" --target-size 150x150 > "$DIR/usage.txt" 2>&1
code=$?
[ "$code" -eq 2 ] || fail "--target-size with IDX data: exit code $code, expected 2"
grep -q 'apply to image folders' "$DIR/usage.txt" || fail "--target-size with IDX: the reason"
echo OK
