package org.tfseg.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;

/**
 * A checkpoint is checked against its own index and against the graph it is restored into: each
 * kind of damage and each kind of mismatch is refused in one line naming the file and the problem.
 */
class CheckpointCheckTest {
  @TempDir Path tmp;

  /** Saves a graph with variables {@code enc/kernel [3,3,3,channels]} and {@code step []}. */
  private static Map<String, CheckpointCheck.Variable> save(
      String prefix, int channels, boolean bias) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Ops init = tf.withInitScope();
      Ops enc = tf.withSubScope("enc");
      enc.withName("kernel")
          .variable(init.fill(init.constant(new int[] {3, 3, 3, channels}), init.constant(0.25f)));
      if (bias) {
        enc.withName("bias")
            .variable(init.fill(init.constant(new int[] {channels}), init.constant(0f)));
      }
      tf.withName("step").variable(init.constant(7L));
      try (Session s = new Session(g)) {
        s.initialize();
        s.save(prefix);
      }
      return CheckpointCheck.variables(g);
    }
  }

  private String prefix(String name) throws Exception {
    return Files.createDirectories(tmp.resolve(name)).resolve("ckpt").toString();
  }

  @Test
  void anIntactCheckpointOfTheModelPasses() throws Exception {
    String p = prefix("ok");
    Map<String, CheckpointCheck.Variable> vars = save(p, 8, true);
    assertEquals(
        java.util.List.of("enc/kernel", "enc/bias", "step"), java.util.List.copyOf(vars.keySet()));
    assertEquals("FLOAT", vars.get("enc/kernel").dtype().replace("DT_", ""));
    assertTrue(Arrays.equals(new long[] {3, 3, 3, 8}, vars.get("enc/kernel").shape()));
    CheckpointCheck.require(p, vars);
    CheckpointIndex index = CheckpointIndex.read(p);
    assertEquals(1, index.shards());
    assertEquals("[3,3,3,8]", index.entries().get("enc/kernel").shapeText());
  }

  @Test
  void damageIsNamed() throws Exception {
    String p = prefix("damaged");
    Map<String, CheckpointCheck.Variable> vars = save(p, 8, true);
    Path data = Path.of(p + ".data-00000-of-00001");
    Path index = Path.of(p + ".index");
    byte[] dataBytes = Files.readAllBytes(data);
    byte[] indexBytes = Files.readAllBytes(index);

    Files.write(data, Arrays.copyOf(dataBytes, dataBytes.length / 2));
    DamagedCheckpoint truncated =
        assertThrows(DamagedCheckpoint.class, () -> CheckpointCheck.require(p, vars));
    assertTrue(
        truncated
            .getMessage()
            .startsWith(data + ": truncated (" + dataBytes.length / 2 + " bytes;"),
        truncated.getMessage());

    byte[] flipped = dataBytes.clone();
    flipped[5] ^= 1;
    Files.write(data, flipped);
    DamagedCheckpoint corrupt =
        assertThrows(DamagedCheckpoint.class, () -> CheckpointCheck.require(p, vars));
    assertTrue(
        corrupt.getMessage().startsWith(data + ": corrupt (the bytes of "), corrupt.getMessage());

    Files.delete(data);
    assertEquals(
        data + ": missing",
        assertThrows(DamagedCheckpoint.class, () -> CheckpointCheck.require(p, vars)).getMessage());
    Files.write(data, dataBytes);

    Files.write(index, Arrays.copyOf(indexBytes, indexBytes.length - 3));
    DamagedCheckpoint cut =
        assertThrows(DamagedCheckpoint.class, () -> CheckpointCheck.require(p, vars));
    assertTrue(
        cut.getMessage().startsWith(index + ": not a complete checkpoint index"), cut.getMessage());
    byte[] badIndex = indexBytes.clone();
    badIndex[3] ^= 4;
    Files.write(index, badIndex);
    assertThrows(DamagedCheckpoint.class, () -> CheckpointCheck.require(p, vars));
    Files.write(index, indexBytes);
    CheckpointCheck.require(p, vars);
  }

  @Test
  void aCheckpointOfAnotherModelNamesWhatDiffers() throws Exception {
    String p = prefix("small");
    save(p, 4, false);
    Map<String, CheckpointCheck.Variable> bigger = save(prefix("big"), 8, true);
    UserError e = assertThrows(UserError.class, () -> CheckpointCheck.require(p, bigger));
    assertTrue(!(e instanceof DamagedCheckpoint), "intact, but not this model's");
    assertEquals(
        p
            + ": a checkpoint of another model: 1 of the model's 3 variables missing (enc/bias);"
            + " 1 of another shape: enc/kernel float[3,3,3,4] in the checkpoint, float[3,3,3,8] in"
            + " the model (use the experiment the run was trained with, see its experiment.json)",
        e.getMessage());
  }
}
