package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.AbstractNode;
import io.jhdf.HdfFile;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.api.dataset.ContiguousDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.exceptions.HdfException;
import io.jhdf.object.message.DataLayoutMessage;
import io.jhdf.object.message.DataLayoutMessage.ChunkedDataLayoutMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tfseg.graph.VariableStore;

/**
 * Truncated and damaged copies of the fixtures are refused when opened, with one line naming the
 * file. {@code tiny_names_fixed.h5} (21,152 bytes) and {@code mobilenet_v2_a010.h5} (746,160) are
 * in Keras' default format (superblock 0, contiguous data); {@code mobilenet_v2_layout.h5}
 * (157,088) in the newest (superblock 3, checksums, one compressed chunk per weight); {@code
 * tiny_chunked_btree.h5} (39,964) has chunks indexed by a version-1 B-tree.
 */
class KerasWeightsFileCompletenessTest {
  @TempDir Path dir;

  /** Opening {@code file} fails with exactly {@code FILE is truncated or damaged (problem)}. */
  private static DamagedFileError assertDamaged(Path file, String problem) {
    DamagedFileError e =
        assertThrows(DamagedFileError.class, () -> KerasWeightsFile.open(file).close());
    assertEquals(file + " is truncated or damaged (" + problem + ")", e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e;
  }

  @Test
  void aCutInsideTheSuperblockIsRefused() throws Exception {
    assertDamaged(
        DamagedCopies.cut(dir, "tiny_names_fixed.h5", 40),
        "it ends at byte 40, inside its HDF5 superblock");
    assertDamaged(
        DamagedCopies.cut(dir, "mobilenet_v2_layout.h5", 30),
        "it ends at byte 30, inside its HDF5 superblock");
    assertDamaged(
        DamagedCopies.cut(dir, "tiny_names_fixed.h5", 5),
        "it ends at byte 5, inside its HDF5 superblock");
    assertDamaged(Files.write(dir.resolve("empty.h5"), new byte[0]), "the file is empty");
  }

  @Test
  void aCutInsideTheObjectHeadersIsRefused() {
    // the object headers of tiny_names_fixed.h5 lie from byte 96 to its end
    assertDamaged(
        DamagedCopies.cut(dir, "tiny_names_fixed.h5", 15000),
        "it has 15000 bytes where its HDF5 superblock says 21152");
    assertDamaged(
        DamagedCopies.cut(dir, "mobilenet_v2_layout.h5", 150000),
        "it has 150000 bytes where its HDF5 superblock says 157088");
  }

  /** jHDF alone reads this file without an error, the missing bytes of the last weight made up. */
  @Test
  void aCutInsideAWeightsDataIsRefusedByTheImport() {
    // mobilenet_v2_a010.h5 ends with the data of Conv_1_bn/moving_variance:0 (bytes 741040 to
    // 746160)
    Path file = DamagedCopies.cut(dir, "mobilenet_v2_a010.h5", 743000);
    assertDamaged(file, "it has 743000 bytes where its HDF5 superblock says 746160");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
      DamagedFileError e =
          assertThrows(DamagedFileError.class, () -> KerasWeightImport.load(s, store, "enc", file));
      assertEquals(
          file
              + " is truncated or damaged (it has 743000 bytes where its HDF5 superblock says 746160)",
          e.getMessage());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "tiny_names_fixed.h5",
        "mobilenet_v2_a010.h5",
        "mobilenet_v2_layout.h5",
        "tiny_chunked_btree.h5"
      })
  void theLastByteMissingIsRefused(String fixture) {
    int size = DamagedCopies.bytes(fixture).length;
    assertDamaged(
        DamagedCopies.cut(dir, fixture, size - 1),
        "it has " + (size - 1) + " bytes where its HDF5 superblock says " + size);
  }

  @Test
  void aCutTheSuperblockDoesNotShowIsFoundInTheDatasetsExtent() {
    Path file = DamagedCopies.cutWithMatchingEnd(dir, "mobilenet_v2_a010.h5", 743000);
    assertDamaged(
        file,
        "dataset /Conv_1_bn/Conv_1_bn/moving_variance:0 ends at byte 746160, past the file's end at byte 743000");
  }

  @Test
  void aCutInsideAChunkIsFoundInTheChunkIndex() {
    Path file = DamagedCopies.cutWithMatchingEnd(dir, "tiny_chunked_btree.h5", 39940);
    assertDamaged(
        file,
        "chunk [0, 0, 0, 0] of dataset /c2/c2/kernel:0 ends at byte 39964, past the file's end at byte 39940");
  }

  @Test
  void aCutThatJhdfFailsOnIsTheSameOneLineMessage() {
    Path file = DamagedCopies.cutWithMatchingEnd(dir, "tiny_names_fixed.h5", 4000);
    DamagedFileError e = assertDamaged(file, "group / cannot be read");
    assertInstanceOf(HdfException.class, e.getCause());
    assertTrue(
        e.getCause().getMessage().contains("address '96'"),
        "jHDF's own wording stays in the cause only");
  }

  @Test
  void aDamagedByteInAContiguousDatasetsAddressIsRefused() throws Exception {
    byte[] b = DamagedCopies.bytes("tiny_names_fixed.h5");
    long address;
    long header;
    try (HdfFile f = new HdfFile(WeightFixtures.path("tiny_names_fixed.h5"))) {
      ContiguousDataset kernel = (ContiguousDataset) f.getDatasetByPath("/c1/c1/kernel:0");
      address = kernel.getDataAddress();
      header = kernel.getAddress();
    }
    assertEquals(8768, address); // 0x2240, 216 bytes
    int at = DamagedCopies.findAddress(b, address, (int) header, (int) header + 1000);
    assertDamaged(
        DamagedCopies.withByte(dir, "tiny_names_fixed.h5", at + 1, 0x52),
        "dataset /c1/c1/kernel:0 ends at byte "
            + (0x5240 + 216)
            + ", past the file's end at byte 21152");
    assertDamaged(
        DamagedCopies.withByte(dir, "tiny_names_fixed.h5", at + 4, 0x01),
        "dataset /c1/c1/kernel:0 ends at byte "
            + (0x1_0000_2240L + 216)
            + ", past the file's end at byte 21152");
  }

  @Test
  void aDamagedByteInAChunkAddressIsRefused() throws Exception {
    byte[] b = DamagedCopies.bytes("tiny_chunked_btree.h5");
    long address;
    try (HdfFile f = new HdfFile(WeightFixtures.path("tiny_chunked_btree.h5"))) {
      Chunk first =
          JhdfChunks.of((ChunkedDataset) f.getDatasetByPath("/dw/dw/depthwise_kernel:0")).stream()
              .filter(c -> c.getChunkOffset()[0] == 0)
              .findFirst()
              .orElseThrow();
      address = first.getAddress();
      assertEquals(36, first.getSize());
    }
    int at = DamagedCopies.findAddress(b, address, 0, b.length);
    Path file = DamagedCopies.withByte(dir, "tiny_chunked_btree.h5", at + 2, 0x10);
    assertDamaged(
        file,
        "chunk [0, 0, 0, 0] of dataset /dw/dw/depthwise_kernel:0 ends at byte "
            + (address + 0x10_0000 + 36)
            + ", past the file's end at byte 39964");
  }

  @Test
  void aChunkIndexThatLostAChunkIsRefused() throws Exception {
    long btree;
    try (HdfFile f = new HdfFile(WeightFixtures.path("tiny_chunked_btree.h5"))) {
      AbstractNode kernel = (AbstractNode) f.getDatasetByPath("/c1/c1/kernel:0");
      btree =
          ((ChunkedDataLayoutMessage) kernel.getHeader().getMessageOfType(DataLayoutMessage.class))
              .getBTreeAddress();
    }
    byte[] b = DamagedCopies.bytes("tiny_chunked_btree.h5");
    assertArrayEquals(
        "TREE".getBytes(StandardCharsets.US_ASCII),
        Arrays.copyOfRange(b, (int) btree, (int) btree + 4));
    assertEquals(3, b[(int) btree + 6], "entries used: one chunk per row of the 3×3×2×3 kernel");
    assertDamaged(
        DamagedCopies.withByte(dir, "tiny_chunked_btree.h5", (int) btree + 6, 2),
        "dataset /c1/c1/kernel:0 has 2 of its 3 chunks");
  }

  @Test
  void aDamagedSuperblockFailsItsChecksum() {
    // mobilenet_v2_layout.h5 has superblock version 3: its end-of-file address is bytes 28 to 35
    assertDamaged(
        DamagedCopies.withByte(dir, "mobilenet_v2_layout.h5", 30, 0x7f),
        "its HDF5 superblock fails its checksum");
  }

  @Test
  void completeFilesOfEveryLayoutOpen() {
    for (String fixture :
        new String[] {"tiny_names_fixed.h5", "mobilenet_v2_layout.h5", "tiny_chunked_btree.h5"}) {
      Path file = WeightFixtures.path(fixture);
      Hdf5Superblock sb = Hdf5Completeness.requireSuperblock(file);
      assertEquals(0, sb.offset());
      assertEquals(0, sb.baseAddress());
      assertEquals(DamagedCopies.bytes(fixture).length, sb.endOfFile(), fixture);
      assertEquals(fixture.equals("mobilenet_v2_layout.h5") ? 3 : 0, sb.version(), fixture);
      try (KerasWeightsFile f = KerasWeightsFile.open(file)) {
        assertEquals(
            fixture.equals("mobilenet_v2_layout.h5") ? 104 : 4, f.weightedLayers().size(), fixture);
      }
    }
  }

  @Test
  void chunksIndexedByAVersion1BTreeImportEveryValue() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
      ImportReport r =
          KerasWeightImport.load(
              s, store, "enc", WeightFixtures.path("tiny_chunked_btree.h5"), MatchMode.NAME);
      assertTrue(r.complete() && r.unexpected().isEmpty(), r.summary());
      assertEquals(8, r.tensors());
      TinyModel.assertFileValues(s, store, Map.of());
    }
  }
}
