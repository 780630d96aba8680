#!/usr/bin/env python3
"""Small hostile files for cli_hostile.sh, made with the standard library only.

Each command writes one file that claims far more than it holds (a 30000x30000
image header, a million-unit Dense layer, a 2^62-byte safetensors header, an
IDX set of a million images) or that breaks one rule of a format (a NaN
weight, a negative optimizer step count, a number where a string belongs).

usage: hostile_files.py COMMAND PATH [ARGS...]
"""
import gzip
import json
import os
import struct
import sys
import zlib


def png(path, width, height, seed=0):
    """A valid 8-bit grey PNG whose pixels depend on seed."""
    rows = b"".join(b"\0" + bytes((seed * 37 + x * 5 + y * 3) % 256 for x in range(width)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    data = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def set_png_size(path, width, height):
    """Rewrites the IHDR chunk's size (and its CRC, so the header stays valid)."""
    data = bytearray(open(path, "rb").read())
    assert data[12:16] == b"IHDR"
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    open(path, "wb").write(data)


def set_jpeg_size(path, width, height):
    """Rewrites the frame header (SOF0/SOF2) size of a JPEG."""
    data = bytearray(open(path, "rb").read())
    pos = 2
    while pos + 4 <= len(data):
        assert data[pos] == 0xFF, "not at a marker"
        marker = data[pos + 1]
        length = struct.unpack(">H", data[pos + 2:pos + 4])[0]
        if marker in (0xC0, 0xC1, 0xC2):
            data[pos + 5:pos + 9] = struct.pack(">HH", height, width)
            open(path, "wb").write(data)
            return
        pos += 2 + length
    raise SystemExit("no frame header in " + path)


def architecture(path, layers, input_shape):
    root = {"format": "convstudio-architecture", "version": 1, "class_name": "Sequential",
            "layers": [{"class_name": "InputLayer", "config": {"shape": input_shape}}] + layers}
    with open(path, "w") as f:
        json.dump(root, f)


def unnamed_dense(path, count):
    """count Dense layers without names: Keras's naming gives dense, dense_1, ..."""
    architecture(path, [{"class_name": "Dense", "config": {"units": 2}} for _ in range(int(count))], [4])


def huge_dense(path):
    """A Dense of 1,048,576 units over 677 inputs: 710,934,528 parameters in a few hundred bytes."""
    architecture(path, [{"class_name": "Dense", "config": {"units": 1048576, "activation": "softmax"}}], [677])


def safetensors_huge_header(path, size):
    """An 8-byte header length of 2^62 in a sparse file of `size` bytes."""
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", 1 << 62))
        f.truncate(int(size))


def idx_claim(path, count, height, width):
    """A gzipped IDX image file whose header claims count x height x width but holds one image."""
    header = struct.pack(">BBBBIII", 0, 0, 8, 3, int(count), int(height), int(width))
    with gzip.open(path, "wb") as f:
        f.write(header + bytes(int(height) * int(width)))


def idx_labels(path, count):
    with gzip.open(path, "wb") as f:
        f.write(struct.pack(">BBBBI", 0, 0, 8, 1, int(count)) + bytes(int(count)))


def read_safetensors(path):
    data = open(path, "rb").read()
    n = struct.unpack("<Q", data[:8])[0]
    return json.loads(data[8:8 + n]), data[8 + n:]


def write_safetensors(path, header, body):
    text = json.dumps(header).encode()
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)) + text + body)


def edit_model(path, out, what, name=None):
    """A copy of a model file with one thing broken."""
    header, body = read_safetensors(path)
    if what == "nan-weight":  # the first value of tensor `name` becomes NaN
        begin = header[name]["data_offsets"][0]
        body = body[:begin] + struct.pack("<f", float("nan")) + body[begin + 4:]
    elif what == "negative-iterations":
        opt = json.loads(header["__metadata__"]["optimizer"])
        opt["iterations"] = -5
        header["__metadata__"]["optimizer"] = json.dumps(opt)
    elif what == "dtype-number":
        header[name]["dtype"] = 5
    elif what == "no-shape":
        del header[name]["shape"]
    else:
        raise SystemExit("unknown edit " + what)
    write_safetensors(out, header, body)


def main():
    command, path, args = sys.argv[1], sys.argv[2], sys.argv[3:]
    if command == "png":
        png(path, *map(int, args))
    elif command == "set-png-size":
        set_png_size(path, *map(int, args))
    elif command == "set-jpeg-size":
        set_jpeg_size(path, *map(int, args))
    elif command == "unnamed-dense":
        unnamed_dense(path, *args)
    elif command == "huge-dense":
        huge_dense(path)
    elif command == "safetensors-huge-header":
        safetensors_huge_header(path, *args)
    elif command == "idx-claim":
        idx_claim(path, *args)
    elif command == "idx-labels":
        idx_labels(path, *args)
    elif command == "edit-model":
        edit_model(path, *args)
    elif command == "first-weight":  # prints the name of the model's first weight
        header, _ = read_safetensors(path)
        print(next(k for k in header if k != "__metadata__" and not k.startswith("optimizer/")))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main()
