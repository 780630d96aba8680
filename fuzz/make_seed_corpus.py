#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses into fuzz/corpus/<harness>/.

usage: fuzz/make_seed_corpus.py CONVSTUDIO_CLI

Seeds are small valid files (plus a few near-valid ones that reach deeper
checks), so the fuzzer starts from inputs that pass the first checks of each
loader. Data sets and architectures are written here; the trained model files
come from `convstudio-cli train` on a tiny IDX data set, and the image files
from `convstudio-cli image` converting a small picture into every format it
writes, so they are exactly what ConvStudio reads and writes. Rerun it after a
format change; the corpus is committed (docs/testing.md).
"""
import gzip
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
PRESETS = os.path.join(HERE, "..", "resources", "presets")
MARKER = b"-=FILE=-"  # kSectionMarker of fuzz_support.h


def write(harness, name, content):
    folder = os.path.join(CORPUS, harness)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(content)


def pattern(count, height, width, channels, seed):
    """Deterministic pixels: gradients that differ per image."""
    out = bytearray()
    for i in range(count):
        for y in range(height):
            for x in range(width):
                for c in range(channels):
                    out.append((x * 37 + y * 19 + c * 71 + i * 53 + seed) % 256)
    return bytes(out)


# ---- IDX ------------------------------------------------------------------


def idx_images(count, height, width, seed):
    return struct.pack(">BBBBIII", 0, 0, 8, 3, count, height, width) + pattern(count, height, width, 1, seed)


def idx_labels(labels):
    return struct.pack(">BBBBI", 0, 0, 8, 1, len(labels)) + bytes(labels)


def idx_folder(files):
    return MARKER.join(files)


def idx_seeds():
    train = [idx_images(6, 6, 6, 1), idx_labels([0, 1, 2, 0, 1, 2])]
    test = [idx_images(3, 6, 6, 2), idx_labels([2, 1, 0])]
    write("idx", "raw_6x6_three_classes", idx_folder(train + test))
    write("idx", "gzip_6x6", idx_folder([gzip.compress(f, mtime=0) for f in train + test]))
    write("idx", "classes_txt", idx_folder(train + test + [b"circle\nsquare\n triangle \n\n"]))
    one = [idx_images(1, 2, 3, 3), idx_labels([9])]
    write("idx", "one_image_label_9", idx_folder(one + one))
    # Near misses: counts that disagree, a truncated image file.
    write("idx", "label_count_mismatch", idx_folder([train[0], idx_labels([0, 1]), test[0], test[1]]))
    write("idx", "truncated_images", idx_folder([train[0][:-5], train[1], test[0], test[1]]))


# ---- CIFAR-10 -------------------------------------------------------------


def cifar_batch(labels, seed):
    out = bytearray()
    for i, label in enumerate(labels):
        out.append(label)
        out += pattern(1, 32, 32, 3, seed + i)  # planes: the order does not matter here
    return bytes(out)


def cifar_seeds():
    meta = b"airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n"
    write("cifar", "meta_test_two_batches",
          MARKER.join([meta, cifar_batch([3], 1), cifar_batch([0, 9], 2), cifar_batch([5], 3)]))
    write("cifar", "no_meta", MARKER.join([b"", cifar_batch([1], 4), cifar_batch([2], 5)]))
    write("cifar", "three_classes", MARKER.join([b"a\nb\nc\n", cifar_batch([2], 6), cifar_batch([1], 7)]))
    write("cifar", "label_out_of_range", MARKER.join([b"a\nb\n", cifar_batch([1], 8), cifar_batch([2], 9)]))


# ---- Architectures ----------------------------------------------------------

TINY_CHAIN = {
    "format": "convstudio-architecture", "version": 1, "name": "tiny_chain",
    "layers": [
        {"class_name": "InputLayer", "config": {"name": "input", "shape": [6, 6, 1]}},
        {"class_name": "Conv2D", "config": {"filters": 2, "kernel_size": 3, "activation": "relu"}},
        {"class_name": "MaxPooling2D", "config": {"pool_size": [2, 2]}},
        {"class_name": "Flatten", "config": {}},
        {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}},
    ],
}

TINY_GRAPH = {
    "format": "convstudio-architecture", "version": 1, "name": "tiny_graph",
    "layers": [
        {"class_name": "InputLayer", "config": {"name": "in", "shape": [6, 6, 1]}},
        {"class_name": "Conv2D", "config": {"name": "a", "filters": 2, "kernel_size": [3, 3], "padding": "same"},
         "inbound_nodes": ["in"]},
        {"class_name": "Conv2D", "config": {"name": "b", "filters": 2, "kernel_size": [1, 1], "strides": [1, 1],
                                            "use_bias": False, "kernel_regularizer": 0.01}, "inbound_nodes": ["in"]},
        {"class_name": "Add", "config": {"name": "sum"}, "inbound_nodes": ["a", "b"]},
        {"class_name": "Concatenate", "config": {"name": "cat"}, "inbound_nodes": ["sum", "a"]},
        {"class_name": "BatchNormalization", "config": {"momentum": 0.9, "epsilon": 0.001}, "inbound_nodes": ["cat"]},
        {"class_name": "Activation", "config": {"activation": "tanh"}},
        {"class_name": "AveragePooling2D", "config": {"pool_size": 2, "strides": None, "padding": "same"}},
        {"class_name": "GlobalAveragePooling2D", "config": {}},
        {"class_name": "Dropout", "config": {"rate": 0.25}},
        {"class_name": "Dense", "config": {"units": 3, "activation": "softmax"}},
    ],
}

KERAS2_STYLE = {"name": "keras2_style", "layers": [
    {"class_name": "Conv2D", "config": {"name": "c1", "filters": 2, "kernel_size": 3, "activation": "relu",
                                        "input_shape": [8, 8, 3],
                                        "kernel_regularizer": {"class_name": "L2", "config": {"l2": 0.001}},
                                        "dtype": "float32"}},
    {"class_name": "MaxPooling2D", "config": {"pool_size": [2, 2], "strides": None}},
    {"class_name": "Flatten", "config": {}},
    {"class_name": "Dense", "config": {"units": 4, "activation": "sigmoid", "use_bias": False}},
]}


def architecture_seeds():
    for name in sorted(os.listdir(PRESETS)):
        if name.endswith(".json"):
            with open(os.path.join(PRESETS, name), "rb") as f:
                write("architecture", "preset_" + name, f.read())
    write("architecture", "tiny_chain.json", json.dumps(TINY_CHAIN).encode())
    write("architecture", "tiny_graph.json", json.dumps(TINY_GRAPH, indent=1).encode())
    write("architecture", "keras2_style.json", json.dumps(KERAS2_STYLE).encode())
    write("architecture", "flat_input.json", json.dumps({"layers": [
        {"class_name": "InputLayer", "config": {"shape": [5]}},
        {"class_name": "BatchNormalization", "config": {}},
        {"class_name": "Dense", "config": {"units": 2, "activation": "linear"}}]}).encode())
    # JSON itself: escapes, surrogate pairs, numbers, a BOM, nesting.
    write("architecture", "json_syntax.json",
          '{"s": "a\\"b\\\\c\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00 ü", "n": [0, -0.5, 1e300, 2E-7, 123456789012],'
          ' "t": true, "f": false, "z": null, "o": {"a": [[[]]], "b": {}}}'.encode("utf-8"))


# ---- Trained models (.safetensors) -----------------------------------------


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    return json.loads(data[8:8 + length]), data[8 + length:]


def write_safetensors(header, body):
    text = json.dumps(header, separators=(",", ":")).encode()
    return struct.pack("<Q", len(text)) + text + body


def without_optimizer(path):
    """The same model with its optimizer state left out (an optional part)."""
    header, body = read_safetensors(path)
    header["__metadata__"].pop("optimizer", None)
    kept, out = {}, bytearray()
    for name, entry in header.items():
        if name == "__metadata__" or name.startswith("optimizer/"):
            continue
        begin, end = entry["data_offsets"]
        kept[name] = dict(entry, data_offsets=[len(out), len(out) + end - begin])
        out += body[begin:end]
    return write_safetensors({"__metadata__": header["__metadata__"], **kept}, bytes(out))


def safetensors_seeds(cli, work):
    data = os.path.join(work, "tiny-idx")
    os.makedirs(data)
    files = {"train-images-idx3-ubyte": idx_images(12, 6, 6, 1),
             "train-labels-idx1-ubyte": idx_labels([i % 3 for i in range(12)]),
             "t10k-images-idx3-ubyte": idx_images(3, 6, 6, 2),
             "t10k-labels-idx1-ubyte": idx_labels([0, 1, 2])}
    for name, content in files.items():
        with open(os.path.join(data, name), "wb") as f:
            f.write(content)
    for arch, optimizer in ((TINY_CHAIN, "adam"), (TINY_GRAPH, "sgd")):
        arch_path = os.path.join(work, arch["name"] + ".json")
        with open(arch_path, "w") as f:
            json.dump(arch, f)
        out = os.path.join(work, arch["name"] + ".safetensors")
        subprocess.run([cli, "train", "--model", arch_path, "--data", data, "--epochs", "1", "--batch-size", "4",
                        "--optimizer", optimizer, "--momentum", "0.9" if optimizer == "sgd" else "0",
                        "--quiet", "--seed", "1", "--out", out], check=True, stdout=subprocess.DEVNULL)
        with open(out, "rb") as f:
            write("safetensors", arch["name"] + ".safetensors", f.read())
        write("safetensors", arch["name"] + "_no_optimizer.safetensors", without_optimizer(out))
    # The container alone: an empty header, and one tensor with metadata but no model.
    write("safetensors", "empty_header.safetensors", write_safetensors({}, b""))
    write("safetensors", "one_tensor.safetensors", write_safetensors(
        {"__metadata__": {"format": "pt"}, "w": {"dtype": "F32", "shape": [2, 1], "data_offsets": [0, 8]}},
        struct.pack("<2f", 1.5, -2.0)))


# ---- Images -------------------------------------------------------------------

IMAGE_FORMATS = [".png", ".jpg", ".bmp", ".tif", ".webp", ".ppm", ".pgm", ".pbm", ".ras", ".hdr", ".pfm",
                 ".jp2", ".exr"]


def image_seeds(cli, work):
    colour = os.path.join(work, "colour.ppm")
    with open(colour, "wb") as f:
        f.write(b"P6\n7 5\n255\n" + pattern(1, 5, 7, 3, 11))
    grey = os.path.join(work, "grey.pgm")
    with open(grey, "wb") as f:
        f.write(b"P5\n5 4\n255\n" + pattern(1, 4, 5, 1, 12))
    for source, kind in ((colour, "rgb"), (grey, "grey")):
        for ext in IMAGE_FORMATS:
            out = os.path.join(work, kind + ext)
            done = subprocess.run([cli, "image", source, "--out", out], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
            if done.returncode == 0 and os.path.getsize(out) <= 4096:
                with open(out, "rb") as f:
                    write("image", kind + ext, f.read())
    # Plain-text PNM variants the encoder does not write.
    write("image", "ascii.pgm", b"P2\n3 2\n15\n0 5 10\n15 7 3\n")
    write("image", "ascii.ppm", b"P3\n2 1\n255\n255 0 0 0 255 0\n")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    cli = os.path.abspath(sys.argv[1])
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)
    idx_seeds()
    cifar_seeds()
    architecture_seeds()
    with tempfile.TemporaryDirectory() as work:
        safetensors_seeds(cli, work)
        image_seeds(cli, work)
    total = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(CORPUS) for f in fs)
    print("seed corpora in %s: %d bytes" % (CORPUS, total))


if __name__ == "__main__":
    main()
