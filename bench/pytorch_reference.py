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
import statistics
import time

import torch
import torch.nn as nn


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
