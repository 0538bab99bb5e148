package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

class ResNetBlocksTest {
  /**
   * The seed's summary rows resnet34_block1…4 (keras_cv ResNet34Backbone stacks, 64-channel input).
   */
  @Test
  void resnet34StagesMatchTheSeedParameterCounts() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Layers l = new Layers(tf, store, true, null, null);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 32, 32, 64)));
      long[] expected = {222_720, 1_118_720, 6_829_056, 13_121_536};
      long[][] shapes = {{-1, 32, 32, 64}, {-1, 16, 16, 128}, {-1, 8, 8, 256}, {-1, 4, 4, 512}};
      for (int i = 0; i < 4; i++) {
        long before = store.parameterCount();
        x =
            ResNetBlocks.kerasCv()
                .basicStage(
                    l, "s" + (i + 1), x, 64 << i, BasNet.RESNET34_BLOCKS[i], i == 0 ? 1 : 2, true);
        assertEquals(expected[i], store.parameterCount() - before, "stage " + (i + 1));
        assertArrayEquals(shapes[i], x.shape().asArray());
      }
      List<String> names = store.all().stream().map(ModelVariable::name).toList();
      // projection shortcut only where the stride or width changes
      assertFalse(names.contains("s1/block1/0_conv/kernel"));
      assertTrue(names.contains("s2/block1/0_conv/kernel"));
      assertFalse(names.contains("s2/block2/0_conv/kernel"));
      // no conv biases anywhere in a basic block
      assertTrue(names.stream().noneMatch(n -> n.endsWith("conv/bias")));
    }
  }

  @Test
  void basicBlockWithoutFinalReluReturnsTheSum() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Layers l = new Layers(tf, new VariableStore(tf, 1), true, null, null);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 8, 8, 4)));
      assertEquals(
          "Relu", ResNetBlocks.kerasDefaults().basicBlock(l, "a", x, 4, 1, true).op().type());
      assertEquals(
          "Add", ResNetBlocks.kerasDefaults().basicBlock(l, "b", x, 4, 1, false).op().type());
    }
  }
}
