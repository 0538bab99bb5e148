package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/**
 * The model of the tiny fixtures: c1 conv 3×3 2→3, bn1, relu1, dw depthwise 3×3, c2 1×1 3→4 under
 * {@code enc}, then a head outside it. Weight k of the files (in {@link #FILE_ORDER}) holds 1000·k
 * + j at flat index j.
 */
final class TinyModel {
  static final List<String> FILE_ORDER =
      List.of(
          "c1/kernel",
          "c1/bias",
          "bn1/gamma",
          "bn1/beta",
          "bn1/moving_mean",
          "bn1/moving_variance",
          "dw/depthwise_kernel",
          "c2/kernel");

  private TinyModel() {}

  static VariableStore build(Ops tf, boolean withC2) {
    return build(tf, withC2, Map.of());
  }

  /**
   * @param renamed model layer names other than the files', e.g. {@code c1 → conv_first}
   */
  static VariableStore build(Ops tf, boolean withC2, Map<String, String> renamed) {
    VariableStore store = new VariableStore(tf, 1);
    Layers l = new Layers(tf, store, false, null, null);
    Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6, 6, 2)));
    x = l.conv2d(name("c1", renamed), x, ConvSpec.of(3, 3));
    x = l.relu("enc/relu1", l.batchNorm(name("bn1", renamed), x));
    x = l.depthwiseConv(name("dw", renamed), x, 3, 1, ConvSpec.Padding.SAME, 1, false);
    if (withC2) {
      x = l.conv2d(name("c2", renamed), x, ConvSpec.of(4, 1).noBias());
    }
    l.conv2d("head", x, ConvSpec.of(1, 1));
    return store;
  }

  /** Every variable below {@code enc} holds the file's values of its layer before renaming. */
  static void assertFileValues(Session s, VariableStore store, Map<String, String> renamed) {
    for (ModelVariable v : store.all()) {
      if (!v.name().startsWith("enc/")) {
        continue;
      }
      String name = v.name().substring(4);
      String layer = name.substring(0, name.indexOf('/'));
      String original =
          renamed.entrySet().stream()
              .filter(e -> e.getValue().equals(layer))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElse(layer);
      int k = FILE_ORDER.indexOf(original + name.substring(layer.length()));
      float[] values = WeightFixtures.values(s, v);
      for (int j = 0; j < values.length; j++) {
        assertEquals(1000f * k + j, values[j], v.name() + "[" + j + "]");
      }
    }
  }

  static ModelVariable variable(VariableStore store, String name) {
    return store.all().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  private static String name(String layer, Map<String, String> renamed) {
    return "enc/" + renamed.getOrDefault(layer, layer);
  }
}
