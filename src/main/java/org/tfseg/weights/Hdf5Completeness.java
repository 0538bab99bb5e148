package org.tfseg.weights;

import io.jhdf.AbstractNode;
import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.object.message.DataLayoutMessage;
import io.jhdf.object.message.DataLayoutMessage.ContiguousDataLayoutMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tfseg.UserError;

/**
 * Checks, before any value is read, that an HDF5 file holds every byte its structure points to: the
 * superblock's end-of-file address against the file's size (what libhdf5 checks), and the object
 * header and stored data of every group and dataset (contiguous: address and size; chunked: each
 * chunk the index lists, and that it lists all) against that end. jHDF 0.11.0 checks neither: a
 * file cut inside a weight's data reads without an error, values past the cut not the file's, where
 * h5py and Keras refuse the file ("truncated file").
 */
final class Hdf5Completeness {
  private Hdf5Completeness() {}

  /**
   * The first check, before jHDF reads the file: its superblock, and its size against the
   * superblock's end-of-file address.
   *
   * @throws UserError if the file is not HDF5 or cannot be read
   * @throws DamagedFileError if the file is shorter than its superblock says, or that is damaged
   */
  static Hdf5Superblock requireSuperblock(Path path) {
    Hdf5Superblock superblock = Hdf5Superblock.read(path);
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
    if (size < superblock.endOfFile()) {
      throw new DamagedFileError(
          path,
          "it has " + size + " bytes where its HDF5 superblock says " + superblock.endOfFile());
    }
    return superblock;
  }

  /**
   * The second check, on the file jHDF opened: every object header and stored data block lies
   * before the superblock's end-of-file address.
   *
   * @throws DamagedFileError naming the first problem and how many more there are, or the group or
   *     dataset jHDF could not read
   */
  static void requireData(Path path, HdfFile hdf, Hdf5Superblock superblock) {
    List<String> problems = new ArrayList<>();
    walk(
        path,
        hdf,
        new Extents(superblock.baseAddress(), superblock.endOfFile(), problems),
        new HashSet<>());
    if (!problems.isEmpty()) {
      throw new DamagedFileError(
          path,
          problems.get(0)
              + (problems.size() > 1 ? "; " + (problems.size() - 1) + " more such problems" : ""));
    }
  }

  private static void walk(Path path, Group group, Extents extents, Set<Long> seen) {
    Collection<Node> children;
    try {
      children = group.getChildren().values();
    } catch (RuntimeException e) {
      throw DamagedFileError.unreadable(path, "group " + name(group), e);
    }
    for (Node node : children) {
      if (node.isLink() || !seen.add(node.getAddress())) {
        continue;
      }
      String what =
          (node instanceof Group ? "group " : node instanceof Dataset ? "dataset " : "object ")
              + name(node);
      if (!extents.inside(node.getAddress(), 1)) {
        extents.problems.add(
            "the header of "
                + what
                + " is at byte "
                + extents.position(node.getAddress(), 0)
                + ", past the file's end at byte "
                + extents.end);
        continue;
      }
      if (node instanceof Group g) {
        walk(path, g, extents, seen);
      } else if (node instanceof Dataset d) {
        try {
          checkData(d, extents);
        } catch (RuntimeException e) {
          throw DamagedFileError.unreadable(path, what, e);
        }
      }
    }
  }

  private static void checkData(Dataset d, Extents extents) {
    long needed = d.getSizeInBytes();
    if (needed == 0 || !(d instanceof AbstractNode node)) {
      return;
    }
    DataLayoutMessage layout = node.getHeader().getMessageOfType(DataLayoutMessage.class);
    String what = "dataset " + d.getPath();
    if (layout instanceof ContiguousDataLayoutMessage c) {
      if (c.getAddress() == -1) {
        extents.problems.add(what + " has no stored data");
      } else if (c.getSize() < needed) {
        extents.problems.add(what + " stores " + c.getSize() + " bytes, its shape needs " + needed);
      } else {
        extents.check(what, c.getAddress(), c.getSize());
      }
    } else if (d instanceof ChunkedDataset chunked) {
      long stored = 0;
      for (Chunk chunk : JhdfChunks.of(chunked)) {
        if (chunk.getAddress() != -1) {
          stored++;
          extents.check(
              "chunk " + Arrays.toString(chunk.getChunkOffset()) + " of " + what,
              chunk.getAddress(),
              chunk.getSize());
        }
      }
      long expected = chunks(d.getDimensions(), chunked.getChunkDimensions());
      if (stored < expected) {
        extents.problems.add(what + " has " + stored + " of its " + expected + " chunks");
      }
    }
  }

  /** The node's path without the {@code /} jHDF ends group paths with, e.g. {@code /c1}. */
  private static String name(Node node) {
    String p = node.getPath();
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  /** How many chunks of {@code chunk} cover {@code dims}. */
  private static long chunks(int[] dims, int[] chunk) {
    long n = 1;
    for (int i = 0; i < dims.length; i++) {
      n *= chunk[i] <= 0 ? 0 : (dims[i] + (long) chunk[i] - 1) / chunk[i];
    }
    return n;
  }

  /** Byte ranges relative to {@code base} against the absolute end {@code end}. */
  private record Extents(long base, long end, List<String> problems) {
    /** {@code [address, address + size)} lies before {@code end}; addresses are unsigned. */
    boolean inside(long address, long size) {
      long room = end - base;
      return size >= 0 && size <= room && Long.compareUnsigned(address, room - size) <= 0;
    }

    void check(String what, long address, long size) {
      if (!inside(address, size)) {
        problems.add(
            what
                + " ends at byte "
                + position(address, size)
                + ", past the file's end at byte "
                + end);
      }
    }

    /** The absolute position {@code size} bytes after {@code address}, unsigned. */
    String position(long address, long size) {
      return Long.toUnsignedString(base + address + size);
    }
  }
}
