#!/usr/bin/python3
"""onnx.checker on every .onnx file the export test left in a folder.

usage: check_onnx_files.py DIR MIN_COUNT

Runs onnx.checker.check_model with full_check (ONNX's own shape inference) on
each file of DIR (written by engine.OnnxExportTest with CONVSTUDIO_ONNX_KEEP_DIR)
and fails when one is rejected or fewer than MIN_COUNT files are there.
Needs Debian's python3-onnx.
"""
import glob
import os
import sys

import onnx

folder, minimum = sys.argv[1], int(sys.argv[2])
files = sorted(glob.glob(os.path.join(folder, "*.onnx")))
failed = 0
for path in files:
    try:
        onnx.checker.check_model(onnx.load(path), full_check=True)
    except Exception as e:  # the checker's own exception types vary between versions
        failed += 1
        print(f"{path}: rejected: {e}")
print(f"{len(files) - failed} of {len(files)} files accepted by onnx.checker {onnx.__version__}")
if failed or len(files) < minimum:
    sys.exit(1)
