#!/usr/bin/python3
"""PyTorch's speed on a ConvStudio architecture file, for engine_benchmark.

Builds the same network in PyTorch (NCHW, which is PyTorch's fast layout),
then times training (Adam, cross-entropy on logits, batch --batch) or
inference the way engine_benchmark times ours: a warm-up pass, then the
median of --repeats passes. Prints images per second on stdout.

Debian's python3-torch (PyTorch 1.13) is the reference; it is never a
dependency of ConvStudio itself.
"""
import argparse
import json
import os
import statistics
import sys
import time

# PyTorch at its best is the yardstick, and glibc's malloc defaults are not its
# best: tensors above the mmap threshold (128 KB at first) are mapped and
# unmapped around every operation, so each pass faults their pages in again, 4
# KB at a time. On a 2-core Zen 5 VM (2026-12-02) that was 85% of PyTorch's time
# spent in the kernel: cats_vs_dogs_150 trained at 12 images/s, 82 with the
# settings below (heap allocations up to 32 MB, the glibc maximum, kept rather
# than trimmed; transparent huge pages asked for on what malloc maps). They
# must be in the environment before the process starts, so the script runs
# itself again with them unless GLIBC_TUNABLES is set (set it empty to measure
# glibc's defaults).
FAST_MALLOC = ("glibc.malloc.hugetlb=1:glibc.malloc.mmap_threshold=33554432:"
               "glibc.malloc.trim_threshold=4294967296")
if "GLIBC_TUNABLES" not in os.environ:
    os.execve(sys.executable, [sys.executable] + sys.argv, dict(os.environ, GLIBC_TUNABLES=FAST_MALLOC))

import torch  # noqa: E402 (after the re-execution above)
import torch.nn as nn  # noqa: E402


def build(arch):
    layers = arch["layers"]
    shape = layers[0]["config"]["shape"]  # H, W, C
    c, h, w = shape[2], shape[0], shape[1]
    mods = []
    flat = None
    for entry in layers[1:]:
        kind, cfg = entry["class_name"], entry.get("config", {})
        if kind == "Conv2D":
            k = cfg.get("kernel_size", [3, 3])
            k = k if isinstance(k, list) else [k, k]
            same = cfg.get("padding", "valid") == "same"
            mods.append(nn.Conv2d(c, cfg["filters"], k, padding="same" if same else 0))
            c = cfg["filters"]
            if not same:
                h, w = h - k[0] + 1, w - k[1] + 1
            if cfg.get("activation") == "relu":
                mods.append(nn.ReLU())
        elif kind == "MaxPooling2D":
            mods.append(nn.MaxPool2d(2))
            h, w = h // 2, w // 2
        elif kind == "BatchNormalization":
            mods.append(nn.BatchNorm2d(c) if flat is None else nn.BatchNorm1d(flat))
        elif kind == "Dropout":
            mods.append(nn.Dropout(cfg["rate"]))
        elif kind == "Flatten":
            mods.append(nn.Flatten())
            flat = c * h * w
        elif kind == "Dense":
            mods.append(nn.Linear(flat, cfg["units"]))
            flat = cfg["units"]
            if cfg.get("activation") == "relu":
                mods.append(nn.ReLU())
        else:
            raise SystemExit(f"unsupported layer {kind}")
    return nn.Sequential(*mods), (shape[2], shape[0], shape[1]), flat


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--preset", required=True)
    p.add_argument("--mode", choices=["train", "infer"], required=True)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--batch", type=int, default=64)
    p.add_argument("--repeats", type=int, default=5)
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    arch = json.load(open(a.preset))
    model, chw, units = build(arch)
    heavy = arch["layers"][0]["config"]["shape"][0] > 100
    if a.mode == "train":
        steps = 6 if heavy else 40
        x = torch.rand(steps, a.batch, *chw)
        y = torch.randint(0, max(units, 2), (steps, a.batch))
        loss_fn = nn.BCEWithLogitsLoss() if units == 1 else nn.CrossEntropyLoss()
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
        model.train()

        def one_pass():
            for s in range(steps):
                opt.zero_grad()
                out = model(x[s])
                target = y[s].float().unsqueeze(1) if units == 1 else y[s]
                loss_fn(out, target).backward()
                opt.step()
            return steps * a.batch
    else:
        iterations = max(4, (400 if a.batch == 1 else 40) // (8 if heavy else 1))
        x = torch.rand(a.batch, *chw)
        model.eval()

        def one_pass():
            with torch.no_grad():
                for _ in range(iterations):
                    model(x)
            return iterations * a.batch

    one_pass()
    rates = []
    for _ in range(a.repeats):
        t0 = time.perf_counter()
        n = one_pass()
        rates.append(n / (time.perf_counter() - t0))
    print(f"{statistics.median(rates):.1f}")


if __name__ == "__main__":
    main()
