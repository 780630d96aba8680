#!/usr/bin/env python3
"""{{TITLE}}

Written by ConvStudio's `convstudio-cli export MODEL --pytorch train.py`: the same
layers, data set, preprocessing, optimizer, loss and callbacks as in ConvStudio,
with PyTorch doing the work. It needs only PyTorch and NumPy (and Pillow, only
for a data set of image folders).

    python3 train.py                          # train (on the GPU when there is one)
    python3 train.py --check                  # ConvStudio's probabilities, reproduced?
    python3 train.py --epochs 3 --out m.safetensors
    torchrun --nproc_per_node=4 train.py      # DistributedDataParallel: one process per GPU
    torchrun --nnodes=2 --nproc_per_node=8 --rdzv_backend=c10d \\
             --rdzv_endpoint=first-node:29500 train.py   # on each of two machines

The trained model is saved as a ConvStudio .safetensors file (--out), so it opens
in the window again: File > Open, then Inspect and Classify.
"""
import argparse
import gzip
import hashlib
import json
import math
import os
import struct
import sys
import time
import warnings

import numpy as np
import torch
import torch.distributed as dist
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, DistributedSampler, TensorDataset

# DDP warns about the gradient strides of convolutions with one input channel,
# where the stride of that axis does not matter: nothing to act on.
warnings.filterwarnings("ignore", message="Grad strides do not match bucket view strides")

# Everything ConvStudio knew about the model and its training, as JSON: the
# data set, preprocessing, optimizer, loss, epochs, batch size, callbacks, the
# weights file, and the probabilities --check compares with.
SETTINGS = json.loads(r'''{{SETTINGS}}''')


# ---------------------------------------------------------------------------
# TensorFlow's 'same' padding. PyTorch's padding="same" exists for stride 1
# only; with a larger stride TensorFlow pads max((out - 1) * s + k - n, 0) in
# total, the smaller half before (top/left) and the odd row/column after. The
# input sizes are fixed, so the pads are worked out once, here in the layers.
# ---------------------------------------------------------------------------
class MaxPool2dSame(nn.Module):
    """Max pooling with TensorFlow's 'same' padding: padded cells never win."""

    def __init__(self, kernel_size, stride, pads):
        super().__init__()
        self.kernel_size, self.stride, self.pads = kernel_size, stride, pads  # pads: (left, right, top, bottom)

    def forward(self, x):
        return F.max_pool2d(F.pad(x, self.pads, value=float("-inf")), self.kernel_size, self.stride)


class AvgPool2dSame(nn.Module):
    """Average pooling with TensorFlow's 'same' padding: divides by the real cells only."""

    def __init__(self, kernel_size, stride, pads, input_hw):
        super().__init__()
        self.kernel_size, self.stride, self.pads = kernel_size, stride, pads
        ones = torch.ones(1, 1, *input_hw)
        # Fraction of each window that is inside the image (1 away from the borders).
        self.register_buffer("inside", F.avg_pool2d(F.pad(ones, pads), kernel_size, stride), persistent=False)

    def forward(self, x):
        return F.avg_pool2d(F.pad(x, self.pads), self.kernel_size, self.stride) / self.inside


{{MODEL}}

# ---------------------------------------------------------------------------
# Weights: ConvStudio's .safetensors, read with json + numpy. ConvStudio keeps
# Keras's layouts (NHWC activations, kernels [kh, kw, in, out], Dense [in, out]);
# PyTorch wants [out, in, kh, kw] and [out, in]. Flatten keeps Keras's H, W, C
# order in forward(), so the Dense rows need no permutation.
# ---------------------------------------------------------------------------
def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    metadata = header.pop("__metadata__", {})
    body = memoryview(data)[8 + n:]
    tensors = {}
    for name, entry in header.items():
        begin, end = entry["data_offsets"]
        tensors[name] = np.frombuffer(body[begin:end], dtype="<f4").reshape(entry["shape"])
    return tensors, metadata


def to_torch_layout(kind, weight, array):
    if kind == "Conv2D" and weight == "kernel":
        return array.transpose(3, 2, 0, 1)  # [kh, kw, in, out] -> [out, in, kh, kw]
    if kind == "Dense" and weight == "kernel":
        return array.T  # [in, out] -> [out, in]
    return array


def to_convstudio_layout(kind, weight, array):
    if kind == "Conv2D" and weight == "kernel":
        return array.transpose(2, 3, 1, 0)
    if kind == "Dense" and weight == "kernel":
        return array.T
    return array


# ConvStudio's weight name -> the PyTorch tensor of a layer.
TORCH_TENSOR = {"kernel": "weight", "bias": "bias", "gamma": "weight", "beta": "bias",
                "moving_mean": "running_mean", "moving_variance": "running_var"}


def load_weights(model, path):
    tensors, _ = read_safetensors(path)
    state = model.state_dict()
    with torch.no_grad():
        for attr, (keras_name, kind, weights) in model.KERAS_LAYERS.items():
            for w in weights:
                value = to_torch_layout(kind, w, tensors[keras_name + "." + w])
                state[attr + "." + TORCH_TENSOR[w]].copy_(torch.from_numpy(np.array(value, np.float32)))


def save_convstudio_model(model, path, history):
    """The model as a ConvStudio .safetensors file (docs/formats.md §2): it opens in the window."""
    state = model.state_dict()
    arrays = []
    for attr, (keras_name, kind, weights) in model.KERAS_LAYERS.items():
        for w in weights:
            value = state[attr + "." + TORCH_TENSOR[w]].detach().cpu().numpy().astype("<f4")
            arrays.append((keras_name + "." + w, np.ascontiguousarray(to_convstudio_layout(kind, w, value))))
    metadata = dict(SETTINGS["metadata"])
    training = json.loads(metadata.get("training", "{}"))
    training.update({"exported_to": "PyTorch", "history": history})
    metadata["training"] = json.dumps(training)
    header, offset = {"__metadata__": metadata}, 0
    for name, a in arrays:
        header[name] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    text = json.dumps(header, separators=(",", ":")).encode("utf8")
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)  # the data starts at a multiple of 8
    tmp = path + ".tmp-%d" % os.getpid()
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text)
        for _, a in arrays:
            f.write(a.tobytes())
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)  # atomic: the old file or the new one, never half


# ---------------------------------------------------------------------------
# Data: the same readers as ConvStudio (IDX, CIFAR-10 binary, image folders),
# images kept as uint8 HWC until a batch is formed, as ConvStudio does.
# ---------------------------------------------------------------------------
def read_idx(folder, stem):
    for name in (stem.replace("-idx", ".idx"), stem):
        for suffix in ("", ".gz"):
            path = os.path.join(folder, name + suffix)
            if os.path.exists(path):
                with (gzip.open if suffix else open)(path, "rb") as f:
                    data = f.read()
                dims = data[3]
                shape = struct.unpack(">" + "I" * dims, data[4:4 + 4 * dims])
                return np.frombuffer(data, np.uint8, offset=4 + 4 * dims).reshape(shape).copy()  # writable
    sys.exit(f"{folder}: no {stem}[.gz] (an IDX folder holds train-images-idx3-ubyte, "
             "train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte)")


def read_cifar(folder, names):
    images, labels = [], []
    for name in names:
        raw = np.fromfile(os.path.join(folder, name), np.uint8).reshape(-1, 3073)
        labels.append(raw[:, 0].astype(np.int64))
        images.append(raw[:, 1:].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1))  # planes -> HWC
    return np.concatenate(images), np.concatenate(labels)


def read_image_folder(root, options):
    from PIL import Image  # only image folders need Pillow

    h, w = options["target_size"]
    grey = options["color_mode"] == "grayscale"
    resample = {"nearest": Image.NEAREST, "bilinear": Image.BILINEAR, "bicubic": Image.BICUBIC,
                "area": Image.BOX, "lanczos": Image.LANCZOS}.get(options.get("interpolation"), Image.BILINEAR)
    classes = sorted(d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d)))
    images, labels = [], []
    for label, c in enumerate(classes):
        for name in sorted(os.listdir(os.path.join(root, c))):
            try:
                img = Image.open(os.path.join(root, c, name)).convert("L" if grey else "RGB")
            except OSError:
                continue  # not an image: ConvStudio leaves it out too
            a = np.asarray(img.resize((w, h), resample), np.uint8)
            images.append(a[:, :, None] if grey else a)
            labels.append(label)
    return np.stack(images), np.asarray(labels, np.int64)


def load_dataset(folder):
    """(train_x, train_y, test_x, test_y) as uint8 NHWC images and int64 labels."""
    kind = SETTINGS["data_kind"]
    if kind == "IDX":
        tx, ty = read_idx(folder, "train-images-idx3-ubyte"), read_idx(folder, "train-labels-idx1-ubyte")
        vx, vy = read_idx(folder, "t10k-images-idx3-ubyte"), read_idx(folder, "t10k-labels-idx1-ubyte")
        return tx[..., None], ty.astype(np.int64), vx[..., None], vy.astype(np.int64)
    if kind == "CIFAR-10 binary":
        batches = sorted((n for n in os.listdir(folder) if n.startswith("data_batch_") and n.endswith(".bin")),
                         key=lambda n: int(n[len("data_batch_"):-4]))
        tx, ty = read_cifar(folder, batches)
        vx, vy = read_cifar(folder, ["test_batch.bin"])
        return tx, ty, vx, vy
    # Image folders: train/ (+ test/ or validation/), or the class folders directly.
    options = SETTINGS["image_folders"]
    train = os.path.join(folder, "train")
    if os.path.isdir(train):
        tx, ty = read_image_folder(train, options)
        for split in ("test", "validation"):
            if os.path.isdir(os.path.join(folder, split)):
                vx, vy = read_image_folder(os.path.join(folder, split), options)
                return tx, ty, vx, vy
        return tx, ty, tx[:0], ty[:0]
    tx, ty = read_image_folder(folder, options)
    return tx, ty, tx[:0], ty[:0]


def preprocess(images, device):
    """uint8 NHWC -> float NCHW: x = (pixel * rescale - mean[c]) / std[c], ConvStudio's preprocessing."""
    p = SETTINGS["preprocessing"]
    channels = images.shape[-1]
    mean = [p["mean"][c % len(p["mean"])] if p["mean"] else 0.0 for c in range(channels)]
    std = [p["std"][c % len(p["std"])] if p["std"] else 1.0 for c in range(channels)]
    scale = torch.tensor([np.float32(p["rescale"]) / np.float32(s) for s in std], device=device)
    offset = torch.tensor([-np.float32(m) / np.float32(s) for m, s in zip(mean, std)], device=device)
    x = images.to(device).float() * scale + offset
    return x.permute(0, 3, 1, 2).contiguous()


# ---------------------------------------------------------------------------
# Loss and metrics as ConvStudio (Keras) computes them. The model returns its
# pre-activation with logits=True, so softmax/sigmoid and the cross-entropy
# are fused the numerically stable way (F.cross_entropy).
# ---------------------------------------------------------------------------
def compute_loss(model, x, y):
    name = SETTINGS["loss"]
    fused = OUTPUT_ACTIVATION
    if name in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        if fused == "softmax":
            logits = model(x, logits=True)
            return F.cross_entropy(logits, y), torch.softmax(logits, dim=1)
        out = model(x)
        return F.nll_loss(torch.log(out.clamp(1e-7, 1 - 1e-7)), y), out
    if name == "binary_crossentropy":
        if fused == "sigmoid":
            logits = model(x, logits=True)
            return F.binary_cross_entropy_with_logits(logits[:, 0], y.float()), torch.sigmoid(logits)
        out = model(x)
        return F.binary_cross_entropy(out[:, 0].clamp(1e-7, 1 - 1e-7), y.float()), out
    out = model(x)  # mse against the one-hot label (or the label itself for one unit)
    target = y.float()[:, None] if out.shape[1] == 1 else F.one_hot(y, out.shape[1]).float()
    return F.mse_loss(out, target), out


def correct_count(out, y):
    if out.shape[1] == 1:
        return int(((out[:, 0] > 0.5).long() == y).sum())
    return int((out.argmax(dim=1) == y).sum())


def l2_penalty(model):
    """Keras's kernel_regularizer=l2(f): f * sum(kernel ** 2), for the layers that have one."""
    total = 0.0
    for attr, factor in model.L2_FACTORS.items():
        total = total + factor * getattr(model, attr).weight.pow(2).sum()
    return total


# ---------------------------------------------------------------------------
# Callbacks, as Keras defines them, in plain code.
# ---------------------------------------------------------------------------
def improved(current, best, mode, min_delta):
    if best is None:
        return True
    return current < best - min_delta if mode == "min" else current > best + min_delta


def mode_of(config):
    mode = config.get("mode", "auto")
    if mode == "auto":
        return "max" if "acc" in config.get("monitor", "val_loss") else "min"
    return mode


class EarlyStopping:
    def __init__(self, monitor="val_loss", min_delta=0.0, patience=0, mode="auto", restore_best_weights=False):
        self.monitor, self.min_delta, self.patience = monitor, abs(min_delta), patience
        self.mode = mode_of({"mode": mode, "monitor": monitor})
        self.restore, self.best, self.wait, self.best_state = restore_best_weights, None, 0, None

    def end_of_epoch(self, logs, model, optimizer):
        """True when training should stop."""
        if self.monitor not in logs:
            return False
        if improved(logs[self.monitor], self.best, self.mode, self.min_delta):
            self.best, self.wait = logs[self.monitor], 0
            if self.restore:
                self.best_state = {k: v.detach().clone() for k, v in model.state_dict().items()}
            return False
        self.wait += 1
        if self.wait > self.patience:
            if self.restore and self.best_state is not None:
                model.load_state_dict(self.best_state)
            return True
        return False


class ReduceLROnPlateau:
    def __init__(self, monitor="val_loss", factor=0.1, patience=10, mode="auto", min_delta=1e-4, cooldown=0, min_lr=0.0):
        self.monitor, self.factor, self.patience = monitor, factor, patience
        self.mode = mode_of({"mode": mode, "monitor": monitor})
        self.min_delta, self.cooldown, self.min_lr = min_delta, cooldown, min_lr
        self.best, self.wait, self.cooling = None, 0, 0

    def end_of_epoch(self, logs, model, optimizer):
        if self.monitor not in logs:
            return False
        if self.cooling > 0:
            self.cooling -= 1
            self.wait = 0
        if improved(logs[self.monitor], self.best, self.mode, self.min_delta):
            self.best, self.wait = logs[self.monitor], 0
        elif self.cooling == 0:
            self.wait += 1
            if self.wait >= self.patience:
                for group in optimizer.param_groups:
                    group["lr"] = max(group["lr"] * self.factor, self.min_lr)
                self.cooling, self.wait = self.cooldown, 0
        return False


class ModelCheckpoint:
    def __init__(self, filepath, monitor="val_loss", save_best_only=False, mode="auto"):
        self.filepath, self.monitor, self.save_best_only = filepath, monitor, save_best_only
        self.mode = mode_of({"mode": mode, "monitor": monitor})
        self.best = None
        self.history = {}

    def end_of_epoch(self, logs, model, optimizer):
        if self.save_best_only:
            if self.monitor not in logs or not improved(logs[self.monitor], self.best, self.mode, 0.0):
                return False
            self.best = logs[self.monitor]
        if is_main_process():  # one writer in a distributed run
            path = self.filepath.format(**logs)  # "best-{epoch:02d}.safetensors" works as in Keras
            save_convstudio_model(model, path, self.history)
        return False


def make_callbacks(history):
    made = []
    for c in SETTINGS["callbacks"]:
        cls = {"EarlyStopping": EarlyStopping, "ReduceLROnPlateau": ReduceLROnPlateau,
               "ModelCheckpoint": ModelCheckpoint}[c["class_name"]]
        made.append(cls(**c["config"]))
        if isinstance(made[-1], ModelCheckpoint):
            made[-1].history = history
    return made


def make_optimizer(parameters, lr=None):
    o = SETTINGS["optimizer"]
    c = dict(o["config"])
    lr = lr or c.get("learning_rate", 1e-3)
    if o["class_name"] == "SGD":
        return torch.optim.SGD(parameters, lr=lr, momentum=c.get("momentum", 0.0), nesterov=c.get("nesterov", False))
    if o["class_name"] == "RMSprop":
        return torch.optim.RMSprop(parameters, lr=lr, alpha=c.get("rho", 0.9), eps=c.get("epsilon", 1e-7))
    return torch.optim.Adam(parameters, lr=lr, betas=(c.get("beta_1", 0.9), c.get("beta_2", 0.999)),
                            eps=c.get("epsilon", 1e-7))


# ---------------------------------------------------------------------------
# One process, or one of many under torchrun (DistributedDataParallel).
# ---------------------------------------------------------------------------
def is_main_process():
    return not dist.is_initialized() or dist.get_rank() == 0


def log(*args):
    if is_main_process():
        print(*args, flush=True)


def summed(values, device):
    """Sums of (loss, correct, count) over every process."""
    t = torch.tensor(values, dtype=torch.float64, device=device)
    if dist.is_initialized():
        dist.all_reduce(t)
    return t.tolist()


def evaluate(model, images, labels, batch_size, device):
    """Loss and accuracy on a split; under torchrun each process takes its share."""
    model.eval()
    rank, world = (dist.get_rank(), dist.get_world_size()) if dist.is_initialized() else (0, 1)
    loss_sum, correct, count = 0.0, 0, 0
    with torch.no_grad():
        for begin in range(rank * batch_size, len(images), world * batch_size):
            x = preprocess(images[begin:begin + batch_size], device)
            y = labels[begin:begin + batch_size].to(device)
            loss, out = compute_loss(model, x, y)
            loss_sum += float(loss) * len(y)
            correct += correct_count(out, y)
            count += len(y)
    loss_sum, correct, count = summed([loss_sum, correct, count], device)
    return loss_sum / max(count, 1), correct / max(count, 1)


def sync_buffers(model):
    """BatchNormalization's moving statistics from process 0 to all (DDP syncs the weights only)."""
    if dist.is_initialized():
        for b in model.buffers():
            dist.broadcast(b, 0)


def checksum(model):
    h = hashlib.sha256()
    for name, t in sorted(model.state_dict().items()):
        h.update(name.encode())
        h.update(t.detach().cpu().numpy().tobytes())
    return h.hexdigest()[:16]


def check(model, device, data_folder):
    """Probabilities on the images ConvStudio computed them on, against ConvStudio's."""
    c = SETTINGS["check"]
    if c is None:
        sys.exit("--check: this script was exported without probabilities to compare with")
    if c["inputs"] == "test":
        _, _, images, _ = load_dataset(data_folder)
        x = preprocess(torch.from_numpy(np.array(images[:c["count"]])), device)
    else:  # inputs made by a formula both sides compute: 0.5 + 0.5 sin(0.731 i + 0.3), NHWC
        shape = [c["count"]] + SETTINGS["input_shape"]
        i = np.arange(int(np.prod(shape)), dtype=np.float64)
        x = torch.from_numpy((0.5 + 0.5 * np.sin(0.731 * i + 0.3)).astype(np.float32).reshape(shape))
        x = x.permute(0, 3, 1, 2).contiguous().to(device)
    model.eval()
    with torch.no_grad():
        out = model(x).cpu().numpy()
    expected = np.asarray(c["probabilities"], np.float32).reshape(out.shape)
    worst = float(np.abs(out - expected).max())
    ok = worst <= 1e-4
    print(f"check: {c['count']} {c['description']}: largest difference from ConvStudio's "
          f"probabilities {worst:.3g} ({'OK' if ok else 'MORE THAN 1e-4'})")
    return 0 if ok else 1


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", default=SETTINGS["data"], help="data set folder (default %(default)s)")
    parser.add_argument("--weights", default=SETTINGS["weights"],
                        help="ConvStudio .safetensors to start from (default %(default)s; 'none': fresh weights)")
    parser.add_argument("--epochs", type=int, default=SETTINGS["epochs"])
    parser.add_argument("--batch-size", type=int, default=SETTINGS["batch_size"], help="per process")
    parser.add_argument("--lr", type=float, default=None, help="learning rate (default: the model's optimizer's)")
    parser.add_argument("--validation-split", type=float, default=SETTINGS["validation_split"])
    parser.add_argument("--steps-per-epoch", type=int, default=0, help="stop each epoch after N batches")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N training images")
    parser.add_argument("--out", default="trained.safetensors", help="the trained model, for ConvStudio")
    parser.add_argument("--evaluate-before", action="store_true", help="validation loss before training too")
    parser.add_argument("--check", action="store_true", help="compare with ConvStudio's probabilities and exit")
    parser.add_argument("--cpu", action="store_true", help="do not use CUDA")
    args = parser.parse_args()

    distributed = int(os.environ.get("WORLD_SIZE", "1")) > 1  # set by torchrun
    cuda = torch.cuda.is_available() and not args.cpu
    if distributed:
        dist.init_process_group("nccl" if cuda else "gloo")
        local_rank = int(os.environ.get("LOCAL_RANK", "0"))
        device = torch.device("cuda", local_rank) if cuda else torch.device("cpu")
        if cuda:
            torch.cuda.set_device(device)
    else:
        device = torch.device("cuda" if cuda else "cpu")
    torch.manual_seed(SETTINGS["seed"])

    model = Net().to(device)
    if args.weights and args.weights != "none":
        load_weights(model, args.weights)
    if args.check:
        return check(model, device, args.data)
    if not args.data:
        sys.exit("no data set folder: give --data DIR")

    train_x, train_y, _, _ = load_dataset(args.data)
    if args.limit:
        train_x, train_y = train_x[:args.limit], train_y[:args.limit]
    # Keras's validation_split: the last fraction of the training set, before shuffling.
    keep = len(train_x) - int(len(train_x) * args.validation_split)
    val_x, val_y = torch.from_numpy(train_x[keep:]), torch.from_numpy(train_y[keep:])
    train_set = TensorDataset(torch.from_numpy(train_x[:keep]), torch.from_numpy(train_y[:keep]))
    sampler = DistributedSampler(train_set, shuffle=True, seed=SETTINGS["seed"]) if distributed else None
    loader = DataLoader(train_set, batch_size=args.batch_size, shuffle=sampler is None, sampler=sampler,
                        generator=torch.Generator().manual_seed(SETTINGS["seed"]))

    trained = DistributedDataParallel(model, device_ids=[device] if cuda else None) if distributed else model
    optimizer = make_optimizer(trained.parameters(), args.lr)
    history = {}
    callbacks = make_callbacks(history)
    world = dist.get_world_size() if distributed else 1
    log(f"{SETTINGS['model_name']}: {len(train_set)} training images, {len(val_x)} for validation, "
        f"{world} process(es) on {device.type}, batch {args.batch_size} per process")
    if args.evaluate_before and len(val_x):
        loss, acc = evaluate(model, val_x, val_y, args.batch_size, device)
        log(f"before training - val_loss: {loss:.4f} - val_accuracy: {acc:.4f}")

    for epoch in range(args.epochs):
        start = time.time()
        if sampler is not None:
            sampler.set_epoch(epoch)  # a different shuffle each epoch, the same on every process
        trained.train()
        loss_sum, correct, count = 0.0, 0, 0
        for step, (images, labels) in enumerate(loader):
            if args.steps_per_epoch and step >= args.steps_per_epoch:
                break
            x, y = preprocess(images, device), labels.to(device)
            loss, out = compute_loss(trained, x, y)
            total = loss + l2_penalty(model) if model.L2_FACTORS else loss
            optimizer.zero_grad()
            total.backward()  # under DDP the gradients are averaged over the processes here
            optimizer.step()
            loss_sum += float(total) * len(y)
            correct += correct_count(out.detach(), y)
            count += len(y)
        sync_buffers(model)
        loss_sum, correct, count = summed([loss_sum, correct, count], device)
        logs = {"epoch": epoch + 1, "loss": loss_sum / max(count, 1), "accuracy": correct / max(count, 1)}
        if len(val_x):
            logs["val_loss"], logs["val_accuracy"] = evaluate(model, val_x, val_y, args.batch_size, device)
        logs["learning_rate"] = optimizer.param_groups[0]["lr"]
        for key, value in logs.items():
            if key != "epoch":
                history.setdefault(key, []).append(value)
        log(f"Epoch {epoch + 1}/{args.epochs} - {time.time() - start:.0f}s - " +
            " - ".join(f"{k}: {v:.4g}" for k, v in logs.items() if k != "epoch"))
        # Every process has the same numbers (summed above), so all stop together.
        stop = False
        for c in callbacks:
            stop = c.end_of_epoch(logs, model, optimizer) or stop
        if stop:
            log(f"early stopping after epoch {epoch + 1}")
            break

    sync_buffers(model)
    if distributed:
        print(f"rank {dist.get_rank()} of {world}: weights checksum {checksum(model)}", flush=True)
    if is_main_process():
        save_convstudio_model(model, args.out, history)
        log(f"saved {args.out} (open it in ConvStudio)")
    if distributed:
        dist.barrier()  # rank 0 has saved; leaving together (gloo spins when a peer is gone)
        dist.destroy_process_group()
    return 0


if __name__ == "__main__":
    sys.exit(main())
