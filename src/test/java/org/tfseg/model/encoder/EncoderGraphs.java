package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/** Helpers shared by the encoder tests. */
final class EncoderGraphs {
  private EncoderGraphs() {}

  static Operand<TFloat32> images(Ops tf, int height, int width) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 3)));
  }

  static void assertCounts(VariableStore store, long total, long trainable) {
    assertEquals(total, store.parameterCount(), "total weights");
    assertEquals(
        trainable,
        store.trainable().stream().mapToLong(ModelVariable::size).sum(),
        "trainable weights");
  }

  /** Feature names, channels, strides and the static shapes for an input of {@code size}². */
  static void assertFeatures(List<Feature> features, List<FeatureSpec> specs, int size) {
    assertEquals(specs, features.stream().map(Feature::spec).toList());
    for (Feature f : features) {
      int side = (size + f.stride() - 1) / f.stride();
      assertArrayEquals(
          new long[] {-1, side, side, f.channels()}, f.tensor().shape().asArray(), f.name());
    }
  }
}
