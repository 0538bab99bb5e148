#!/usr/bin/env bash
# Downloads the Oxford-IIIT Pet dataset (Parkhi et al., CVPR 2012; CC BY-SA 4.0) from its official
# site into data/oxford-iiit-pet:
#   images/*.jpg, annotations/trimaps/*.png (1 pet, 2 border, 3 background),
#   annotations/trainval.txt (3,680 images) and annotations/test.txt (3,669 images)
# which is the layout experiments/mobilenetv2_unet_pets.json and pix2pix_unet_pets.json read.
# Needs internet, curl (or wget) and tar.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST="${1:-data/oxford-iiit-pet}"
BASE="https://www.robots.ox.ac.uk/~vgg/data/pets/data"
mkdir -p "$DEST"
for part in images annotations; do
  if [ -d "$DEST/$part" ]; then
    echo "$DEST/$part already present; skipping"
    continue
  fi
  tgz="$DEST/$part.tar.gz"
  if [ ! -f "$tgz" ]; then
    echo "downloading $BASE/$part.tar.gz"
    if command -v curl >/dev/null 2>&1; then
      curl -fL --retry 3 -o "$tgz.part" "$BASE/$part.tar.gz"
    else
      wget -O "$tgz.part" "$BASE/$part.tar.gz"
    fi
    mv "$tgz.part" "$tgz"
  fi
  tar -xzf "$tgz" -C "$DEST"
done
echo "images: $(ls "$DEST/images" | grep -c '\.jpg$'), trimaps: $(ls "$DEST/annotations/trimaps" | grep -c '\.png$')"
