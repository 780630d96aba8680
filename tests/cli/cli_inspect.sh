#!/usr/bin/env bash
# What the Inspect and Classify pages compute, through convstudio-cli: a
# small trained Fashion-MNIST model's kernels (statistics, histogram, picture),
# the feature maps of an image, its Grad-CAM heat map, and a folder of images
# (one of them broken) classified into a CSV table.
# usage: cli_inspect.sh CONVSTUDIO_CLI SHARED_DATASETS_DIR
set -euo pipefail
cli=$1
datasets=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
png_size() { /usr/bin/python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); assert d[:8]==b'\x89PNG\r\n\x1a\n'; print('%dx%d' % struct.unpack('>II', d[16:24]))" "$1"; }

"$cli" train --epochs 1 --limit 2000 --seed 5 --quiet --out "$work/m.safetensors" > /dev/null

# Kernels: the first CNN's two Conv2D layers, 64 filters 3x3x1 and 32 of 3x3x64.
"$cli" kernels "$work/m.safetensors" --bins 5 --out "$work/kernels.png" > "$work/kernels.txt"
cat "$work/kernels.txt"
grep -q "^conv2d: 64 filters of 3x3x1, 576 weights" "$work/kernels.txt" || fail "conv2d line"
grep -q "^conv2d_1: 32 filters of 3x3x64, 18432 weights" "$work/kernels.txt" || fail "conv2d_1 line"
# The histogram's counts add up to the weights.
total=$(awk '/^conv2d:/{on=1; next} /^conv2d_1:/{on=0} on && NF>=4 {s+=$4} END{print s}' "$work/kernels.txt")
[ "$total" = 576 ] || fail "histogram of conv2d counts $total weights, not 576"
[ -s "$work/kernels.png" ] || fail "no kernel picture"
grep -q "64 filter images of conv2d" "$work/kernels.txt" || fail "kernel picture line"
"$cli" kernels "$work/m.safetensors" --layer dense 2>"$work/err.txt" && fail "kernels of a Dense layer"
grep -q "not a Conv2D layer" "$work/err.txt" || fail "kernels of a Dense layer: message"

# An image of the test split, written as PGM from the IDX file (no tools needed).
/usr/bin/python3 - "$work" <<'PY'
import gzip, sys
d = gzip.open('/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz').read()
for i in range(3):
    open(f'{sys.argv[1]}/fm{i}.pgm', 'wb').write(b'P5\n28 28\n255\n' + d[16 + i * 784:16 + (i + 1) * 784])
PY

# Feature maps: every layer with its shape; pictures for the spatial ones.
"$cli" features "$work/m.safetensors" "$work/fm0.pgm" --out-dir "$work/maps" > "$work/features.txt"
cat "$work/features.txt"
grep -Eq "^conv2d +Conv2D +\(28, 28, 64\) +64 maps" "$work/features.txt" || fail "conv2d maps"
grep -Eq "^max_pooling2d_1 +MaxPooling2D +\(7, 7, 32\) +32 maps" "$work/features.txt" || fail "pool maps"
grep -Eq "^dense_1 +Dense +\(10,\) +10 values" "$work/features.txt" || fail "output strip"
[ "$(ls "$work/maps" | wc -l)" -eq 7 ] || fail "one picture per spatial layer (input, 2 conv, 2 pool, 2 dropout)"
[ -s "$work/maps/01_conv2d.png" ] || fail "conv2d picture"

# Grad-CAM: the predicted class, a 14x14 grid of digits, an overlay enlarged to 224.
"$cli" gradcam "$work/m.safetensors" "$work/fm0.pgm" --out "$work/cam.png" > "$work/cam.txt"
cat "$work/cam.txt"
grep -q "on conv2d_1, 14x14 maps" "$work/cam.txt" || fail "Grad-CAM layer line"
[ "$(grep -Ec '^  [0-9]{14}$' "$work/cam.txt")" -eq 14 ] || fail "14 rows of the heat map"
[ "$(png_size "$work/cam.png")" = 224x224 ] || fail "overlay size $(png_size "$work/cam.png")"
"$cli" gradcam "$work/m.safetensors" "$work/fm0.pgm" --class Trouser > "$work/cam2.txt"
grep -q "Grad-CAM of 'Trouser'" "$work/cam2.txt" || fail "--class by name"
"$cli" gradcam "$work/m.safetensors" "$work/fm0.pgm" --class Robot 2>"$work/err.txt" && fail "unknown class"
grep -q "neither a class name" "$work/err.txt" || fail "unknown class message"

# A folder: three images, a broken one; CSV with a row each, exit code 1 for the broken file.
mkdir "$work/folder"
cp "$work"/fm*.pgm "$work/folder/"
printf 'P5\n28 28\n255\nshort' > "$work/folder/broken.pgm"
set +e
"$cli" predict "$work/m.safetensors" "$work/folder" --csv "$work/out.csv" > "$work/predict.txt" 2> "$work/err.txt"
code=$?
set -e
cat "$work/predict.txt" "$work/err.txt"
[ "$code" -eq 1 ] || fail "exit code $code with a broken image"
grep -q "not classified: .*broken.pgm: truncated: a PNM of 28x28 pixels holds at least 784 bytes" "$work/err.txt" || fail "broken image reported"
/usr/bin/python3 - "$work/out.csv" <<'PY' || fail "CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
assert len(rows) == 4, rows
good = [r for r in rows if not r["error"]]
assert len(good) == 3, rows
for r in good:
    p = [float(r[k]) for k in r if k.startswith("p(")]
    assert len(p) == 10 and abs(sum(p) - 1) < 1e-4, r
    assert float(r["confidence"]) == max(p), r
    assert r["p(" + r["predicted"] + ")"] == r["confidence"], r
assert [r for r in rows if r["error"]][0]["file"].endswith("broken.pgm")
PY
echo "cli inspect: ok"
