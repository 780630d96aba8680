#!/usr/bin/env bash
# Installs the Debian 12 packages ConvStudio needs to build, run and test.
# Runs apt-get through sudo unless already root.
set -euo pipefail
packages=(
    build-essential cmake ninja-build ccache pkg-config
    libeigen3-dev libtbb-dev libopencv-dev zlib1g-dev nlohmann-json3-dev
    qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev
    qt6-l10n-tools                        # lupdate/lrelease: the Spanish interface (translations/)
    qt6-translations-l10n                 # Qt's own Spanish texts (standard dialog buttons)
    libqt6opengl6-dev
    libonnx-dev libprotobuf-dev python3-onnx
    dataset-fashion-mnist
    python3
    libhdf5-dev                           # Keras .h5 import
    python3-torch libopenblas0-pthread   # tests: the exported PyTorch script (cli.pytorch_export)
    python3-h5py                          # tests/engine/fixtures/keras/make_keras_fixtures.py
)
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
