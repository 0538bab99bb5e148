#!/usr/bin/env bash
# Downloads DUTS (Wang et al., CVPR 2017) from its official site into data/DUTS:
#   data/DUTS/DUTS-TR/DUTS-TR-Image/*.jpg, data/DUTS/DUTS-TR/DUTS-TR-Mask/*.png  (10,553 pairs)
#   data/DUTS/DUTS-TE/DUTS-TE-Image/*.jpg, data/DUTS/DUTS-TE/DUTS-TE-Mask/*.png  (5,019 pairs)
# which is the layout experiments/unet_duts.json and experiments/basnet*.json read.
# Needs internet, curl (or wget) and unzip. DUTS is for research use (see the dataset's site).
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-data/DUTS}"
BASE="http://saliencydetection.net/duts/download"
mkdir -p "$DEST"
for part in DUTS-TR DUTS-TE; do
  if [ -d "$DEST/$part/$part-Image" ] && [ -d "$DEST/$part/$part-Mask" ]; then
    echo "$DEST/$part already present; skipping"
    continue
  fi
  zip="$DEST/$part.zip"
  if [ ! -f "$zip" ]; then
    echo "downloading $BASE/$part.zip"
    if command -v curl >/dev/null 2>&1; then
      curl -fL --retry 3 -o "$zip.part" "$BASE/$part.zip"
    else
      wget -O "$zip.part" "$BASE/$part.zip"
    fi
    mv "$zip.part" "$zip"
  fi
  unzip -q -o "$zip" -d "$DEST"
  echo "$part: $(ls "$DEST/$part/$part-Image" | wc -l) images, $(ls "$DEST/$part/$part-Mask" | wc -l) masks"
done
echo "DUTS is in $DEST; train with: java -jar target/tfseg.jar experiments/unet_duts.json"
