#!/usr/bin/env bash
# `convstudio-cli export MODEL --pytorch train.py` checked by PyTorch itself:
#  - a graph with every layer type (stride-2 'same' convolutions with uneven pads,
#    'same' pooling of both kinds, Add, Concatenate, BatchNormalization on images
#    and on vectors, Flatten before Dense, L2) trained briefly on MNIST by
#    ConvStudio: the script's --check reproduces ConvStudio's probabilities on the
#    first 16 test images (read and preprocessed by the script) within 1e-4;
#  - one short epoch from fresh weights lowers the validation loss, the
#    .safetensors the script writes opens in ConvStudio again, ModelCheckpoint
#    writes its file;
#  - torchrun --nproc_per_node=2 (gloo on the CPU) trains a few batches with
#    DistributedDataParallel and both ranks end with the same weights;
#  - a Keras .h5 (its weights written beside the script) passes --check too.
# Skipped (exit 77) without PyTorch on /usr/bin/python3 or without ../shared.
# usage: cli_pytorch_export.sh CONVSTUDIO_CLI SHARED_DATASETS_DIR SOURCE_DIR
set -euo pipefail
cli=$1
datasets=$2
source_dir=$3
python=${CONVSTUDIO_TEST_PYTHON:-/usr/bin/python3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

if ! "$python" -c "import torch, numpy" 2>/dev/null; then
    echo "SKIPPED: $python cannot import torch and numpy (Debian: apt install python3-torch)"
    exit 77
fi
mnist=$datasets/mnist
[ -d "$mnist" ] || { echo "SKIPPED: no MNIST at $mnist"; exit 77; }

cat > "$work/graph.json" <<'EOF'
{"name": "every_layer", "layers": [
 {"class_name": "InputLayer", "config": {"name": "in", "shape": [28, 28, 1]}},
 {"class_name": "Conv2D", "config": {"name": "c1", "filters": 8, "kernel_size": 3, "strides": 2, "padding": "same", "activation": "relu"}, "inbound_nodes": ["in"]},
 {"class_name": "BatchNormalization", "config": {"name": "bn1"}, "inbound_nodes": ["c1"]},
 {"class_name": "Conv2D", "config": {"name": "c2", "filters": 8, "kernel_size": 3, "padding": "same"}, "inbound_nodes": ["bn1"]},
 {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": ["bn1", "c2"]},
 {"class_name": "Activation", "config": {"name": "act", "activation": "tanh"}, "inbound_nodes": ["sum"]},
 {"class_name": "MaxPooling2D", "config": {"name": "mp", "pool_size": 3, "strides": 2, "padding": "same"}, "inbound_nodes": ["act"]},
 {"class_name": "Conv2D", "config": {"name": "c3", "filters": 4, "kernel_size": 1, "use_bias": false}, "inbound_nodes": ["mp"]},
 {"class_name": "AveragePooling2D", "config": {"name": "ap", "pool_size": 2, "strides": 1, "padding": "same"}, "inbound_nodes": ["mp"]},
 {"class_name": "Concatenate", "config": {"name": "cat"}, "inbound_nodes": ["c3", "ap"]},
 {"class_name": "Conv2D", "config": {"name": "c4", "filters": 6, "kernel_size": 2, "strides": 2, "padding": "same", "activation": "sigmoid"}, "inbound_nodes": ["cat"]},
 {"class_name": "Flatten", "config": {"name": "flat"}, "inbound_nodes": ["c4"]},
 {"class_name": "Dropout", "config": {"name": "drop", "rate": 0.2}, "inbound_nodes": ["flat"]},
 {"class_name": "Dense", "config": {"name": "d1", "units": 16, "activation": "relu", "kernel_regularizer": 0.001}, "inbound_nodes": ["drop"]},
 {"class_name": "BatchNormalization", "config": {"name": "bn2"}, "inbound_nodes": ["d1"]},
 {"class_name": "Dense", "config": {"name": "out", "units": 10, "activation": "softmax"}, "inbound_nodes": ["bn2"]}
]}
EOF
"$cli" train --model "$work/graph.json" --data "$mnist" --epochs 1 --limit 1000 --seed 3 --quiet \
    --out "$work/graph.safetensors" > /dev/null
"$cli" export "$work/graph.safetensors" --pytorch "$work/train.py" --data "$mnist" \
    --early-stopping patience=2 --reduce-lr-on-plateau patience=1 \
    --checkpoint filepath="$work/best.safetensors",save_best_only=true > "$work/export.txt"
cat "$work/export.txt"
grep -q "check it: python3 .*train.py --check   (16 test images of MNIST)" "$work/export.txt" || fail "export's lines"

# --check: the script's reader, preprocessing, layers and weights against ConvStudio.
"$python" "$work/train.py" --check | tee "$work/check.txt" || fail "--check differs from ConvStudio"
grep -q "^check: 16 test images of MNIST: largest difference from ConvStudio's probabilities .* (OK)" \
    "$work/check.txt" || fail "--check line"

# One short epoch lowers the validation loss: the course's MNIST CNN exported as an
# architecture alone (fresh weights; no BatchNormalization, whose moving statistics
# barely move in 20 steps, so the validation loss shows the learning plainly).
"$cli" export mnist_cnn_architecture --pytorch "$work/fresh.py" --data "$mnist" > /dev/null
"$python" "$work/fresh.py" --epochs 1 --steps-per-epoch 20 --limit 1280 --batch-size 32 \
    --evaluate-before --out "$work/trained.safetensors" | tee "$work/epoch.txt"
before=$(sed -n 's/^before training - val_loss: \([0-9.e+-]*\) .*/\1/p' "$work/epoch.txt")
after=$(sed -n 's/^Epoch 1\/1 .* val_loss: \([0-9.e+-]*\) .*/\1/p' "$work/epoch.txt")
[ -n "$before" ] && [ -n "$after" ] || fail "no validation losses in the script's output"
awk -v b="$before" -v a="$after" 'BEGIN { exit !(a < b - 0.05) }' || fail "val_loss went from $before to $after"
# The graph's callbacks: ModelCheckpoint(save_best_only) writes its file.
"$python" "$work/train.py" --epochs 1 --steps-per-epoch 5 --limit 640 --out "$work/final.safetensors" > /dev/null
[ -s "$work/best.safetensors" ] || fail "ModelCheckpoint(save_best_only) wrote nothing"
# What the script saved is a ConvStudio model again.
"$cli" summary "$work/trained.safetensors" | grep -q "Total params" || fail "the script's model does not load"

# DistributedDataParallel: two processes, gloo on the CPU, a few batches each.
# (Debian's torchrun under Python 3.11 needs an explicit --redirects/--tee: their
# default "0" is lost by Python 3.11's Flag enum in torch 1.13.) Not --standalone:
# in torch 1.13 it puts the rendezvous store on the fixed port 29400, so a second
# run at the same time (another checkout's suite on this machine) finds the port
# taken ("The server socket has failed to listen on any local network address")
# and joins the first run's store, which goes away when that run ends; port 0
# gives each run a store of its own.
torchrun=$(command -v torchrun || true)
[ -n "$torchrun" ] || torchrun="$python -m torch.distributed.run"
$torchrun --nnodes=1 --rdzv_backend=c10d --rdzv_endpoint=localhost:0 --rdzv_id="cli-test-$$" \
    --nproc_per_node=2 --redirects 1 --tee 1 "$work/train.py" --epochs 1 \
    --steps-per-epoch 3 --limit 640 --batch-size 16 --out "$work/ddp.safetensors" > "$work/ddp.txt" 2>&1 ||
    { cat "$work/ddp.txt"; fail "torchrun"; }
grep "checksum\|process(es)" "$work/ddp.txt"
grep -q "2 process(es) on cpu" "$work/ddp.txt" || fail "not two processes"
sums=$(sed -n 's/.*rank [01] of 2: weights checksum \([0-9a-f]*\).*/\1/p' "$work/ddp.txt" | sort -u)
[ "$(grep -c 'weights checksum' "$work/ddp.txt")" = 2 ] || fail "not two ranks reporting"
[ "$(echo "$sums" | wc -l)" = 1 ] || fail "the ranks' weights differ: $sums"
[ -s "$work/ddp.safetensors" ] || fail "rank 0 saved nothing"

# A Keras .h5: the weights go beside the script, the check uses made-up inputs.
"$cli" export "$source_dir/tests/engine/fixtures/keras/functional.h5" --pytorch "$work/keras.py" > /dev/null
[ -s "$work/keras.safetensors" ] || fail "no weights beside the script of an .h5"
"$python" "$work/keras.py" --check | tee "$work/keras_check.txt" || fail "--check of the .h5"
echo "cli_pytorch_export: all checks passed"
