#!/usr/bin/env bash
# Stages the MixBox interop assembly into an nf-interpreter checkout (docs/DEVICE.md).
#   stage.sh <nf-interpreter dir> <Stubs/MixBox.Dsp dir from the MixBox.Dsp.nfproj build>
set -euo pipefail
if [ $# -ne 2 ]; then
    echo "usage: $0 <nf-interpreter checkout> <generated Stubs/MixBox.Dsp folder>" >&2
    exit 2
fi
nf="$1"
stubs="$2"
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
dest="$nf/InteropAssemblies/MixBox.Dsp"

for f in MixBox_Dsp.cpp MixBox_Dsp.h; do
    [ -f "$stubs/$f" ] || { echo "missing $stubs/$f: build firmware/device/MixBox.Dsp/MixBox.Dsp.nfproj first" >&2; exit 1; }
done

rm -rf "$dest"
mkdir -p "$dest/engine"
# 1. what the metadata processor generated (method table + checksum, marshalling, headers)...
cp "$stubs"/*.h "$stubs"/*.cpp "$dest/"
# 2. ...then MixBox's implementation over the generated empty ones
cp "$repo"/firmware/native/*.cpp "$repo"/firmware/native/*.c "$repo"/firmware/native/*.h "$dest/"
# 3. the engine, unchanged
cp -r "$repo/dsp/native/include" "$repo/dsp/native/src" "$repo/dsp/native/engine.cmake" "$dest/engine/"
# build configuration
cp "$here/FindINTEROP-MixBox.Dsp.cmake" "$nf/CMake/Modules/"
cp "$here/CMakeUserPresets.json" "$nf/"
mkdir -p "$nf/config"
cp "$here/mixbox-s3.kconfig" "$nf/config/"
echo "staged into $dest; now: cmake --preset MIXBOX_S3 && cmake --build --preset MIXBOX_S3"
