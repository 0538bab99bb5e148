#!/usr/bin/env bash
# Downloads the Keras ImageNet encoder weights into weights/ and checks them against what is
# published (see weights/README.md): the size for both, the MD5 Keras pins for ResNet50.
# Needs curl and internet access. Usage: tools/fetch_weights.sh [mobilenet_v2] [resnet50]
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p weights

BASE=https://storage.googleapis.com/tensorflow/keras-applications

fetch() { # name url size md5-or-empty
  local file="weights/$1" url=$2 size=$3 md5=$4
  if [[ ! -f "$file" ]]; then
    echo "downloading $1"
    curl -fL --retry 3 -o "$file.part" "$url"
    mv "$file.part" "$file"
  fi
  local actual
  actual=$(stat -c %s "$file")
  if [[ "$actual" != "$size" ]]; then
    echo "$file: $actual bytes, expected $size; delete it and run again" >&2
    return 1
  fi
  if [[ -n "$md5" ]] && ! echo "$md5  $file" | md5sum -c --quiet -; then
    echo "$file: MD5 differs from the published $md5; delete it and run again" >&2
    return 1
  fi
  echo "$file: ok ($size bytes${md5:+, MD5 $md5}); SHA-256 $(sha256sum "$file" | cut -d' ' -f1)"
}

targets=("$@")
[[ ${#targets[@]} -eq 0 ]] && targets=(mobilenet_v2 resnet50)
for t in "${targets[@]}"; do
  case "$t" in
    mobilenet_v2)
      f=mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5
      fetch "$f" "$BASE/mobilenet_v2/$f" 9406464 "" ;;
    resnet50)
      f=resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5
      fetch "$f" "$BASE/resnet/$f" 94765736 4d473c1dd8becc155b73f8504c6f6626 ;;
    resnet34)
      echo "resnet34: no official Keras weights exist; nothing to fetch" ;;
    *)
      echo "unknown encoder $t (valid: mobilenet_v2, resnet50, resnet34)" >&2; exit 2 ;;
  esac
done
