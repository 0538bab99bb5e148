#!/usr/bin/env python3
"""Writes tiny_chunked_btree.h5 beside this file (needs h5py and numpy: Debian's python3-h5py and
python3-numpy): the layers and values of tiny_names_fixed.h5 (tools/fixtures; value j of weight k
is 1000·k + j, c2's kernel not nested), but every weight chunked, split along its first axis, in
h5py's default (oldest) format: superblock 0, chunk index in a version-1 B-tree, no checksums.
Data is written after all metadata, so the file ends with the only chunk of /c2/c2/kernel:0 and a
file cut there keeps a readable structure. Deterministic.
"""

import os

import h5py
import numpy as np

SPEC = [("input_1", []), ("c1", [("kernel", (3, 3, 2, 3)), ("bias", (3,))]),
        ("bn1", [("gamma", (3,)), ("beta", (3,)), ("moving_mean", (3,)), ("moving_variance", (3,))]),
        ("relu1", []), ("dw", [("depthwise_kernel", (3, 3, 3, 1))]), ("c2", [("kernel", (1, 1, 3, 4))])]


def main():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tiny_chunked_btree.h5")
    with h5py.File(path, "w", libver="earliest") as f:
        f.attrs["layer_names"] = np.array([name.encode() for name, _ in SPEC])
        f.attrs["backend"] = b"tensorflow"
        f.attrs["keras_version"] = b"2.15.0"
        k, values = 0, []
        for layer, weights in SPEC:
            g = f.create_group(layer)
            if weights:
                g.attrs["weight_names"] = np.array([f"{layer}/{leaf}:0".encode() for leaf, _ in weights])
            else:
                g.attrs["weight_names"] = np.zeros((0,), dtype=np.float32)
            for leaf, shape in weights:
                arr = (1000.0 * k + np.arange(int(np.prod(shape)))).reshape(shape).astype(np.float32)
                chunks = (1,) + shape[1:] if len(shape) > 1 else (2,)
                values.append((g.create_dataset(f"{layer}/{leaf}:0", shape=shape, dtype="f4", chunks=chunks,
                                                track_times=False), arr))
                k += 1
        f.flush()
        for dataset, arr in values:
            dataset[...] = arr
    print(os.path.getsize(path), path)


if __name__ == "__main__":
    main()
