package org.tfseg.train.distribute;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.OperationBuilder;
import org.tensorflow.Output;
import org.tensorflow.TensorFlow;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.family.TNumber;

/**
 * TF's {@code CollectiveReduceV2} all-reduce across the workers of a cluster, one op per tensor,
 * each with its own instance key. TF Java 1.1.0 has no wrapper for it (its {@code CollectiveReduce}
 * is the V3 communicator op), so it is built with the op builder: merge {@code Add}, final {@code
 * Id} (a sum: the caller divides by the global sample count), ring communication, and a timeout
 * after which a collective whose peers do not answer fails. Every worker builds the same graph, so
 * the keys, allotted in build order, match across workers; the ops are placed on this worker's CPU,
 * all in one group.
 *
 * <p>The op has no C++ gradient; a custom one is registered: the gradient of a sum over workers is
 * the sum over workers of the upstream gradients, with the key {@code instance key +} {@value
 * #GRADIENT_KEY_OFFSET} (synchronised BatchNorm differentiates through its statistics).
 */
final class Collectives {
  /** The training graph's collectives' group; the startup check has its own graph and key. */
  static final int TRAINING_GROUP = 1;

  static final int GRADIENT_KEY_OFFSET = 1 << 24;
  private static final String OP = "CollectiveReduceV2";
  private static boolean gradientRegistered;

  private final int groupSize;
  private final int groupKey;
  private final String device;
  private final float timeoutSeconds;
  private int nextKey = 1;

  /**
   * @param device this worker's device for the ops, e.g. {@code
   *     /job:worker/replica:0/task:1/device:CPU:0}
   */
  Collectives(int groupSize, int groupKey, String device, double timeoutSeconds) {
    this.groupSize = groupSize;
    this.groupKey = groupKey;
    this.device = device;
    this.timeoutSeconds = (float) timeoutSeconds;
    registerGradient();
  }

  /** The element-wise sum of {@code x} over all workers. */
  <T extends TNumber> Operand<T> sum(Ops tf, Operand<T> x) {
    if (nextKey >= GRADIENT_KEY_OFFSET) {
      throw new IllegalStateException("too many collectives in one graph");
    }
    return reduce(
        tf, x, tf.constant(groupSize), tf.constant(groupKey), tf.constant(nextKey++), device, "Id");
  }

  /** Instance keys given out so far. */
  int keys() {
    return nextKey - 1;
  }

  private <T extends TNumber> Operand<T> reduce(
      Ops tf,
      Operand<T> x,
      Operand<TInt32> size,
      Operand<TInt32> group,
      Operand<TInt32> key,
      String onDevice,
      String finalOp) {
    OperationBuilder b = tf.scope().opBuilder(OP, "AllReduce");
    b.addInput(x.asOutput());
    b.addInput(size.asOutput());
    b.addInput(group.asOutput());
    b.addInput(key.asOutput());
    b.addInputList(new Output<?>[0]); // ordering_token: none, every op has its own key
    b.setAttr("merge_op", "Add");
    b.setAttr("final_op", finalOp);
    b.setAttr("communication_hint", "ring");
    b.setAttr("timeout_seconds", timeoutSeconds);
    b.setDevice(onDevice);
    @SuppressWarnings("unchecked")
    Output<T> out = (Output<T>) (Output<?>) b.build().output(0);
    return out;
  }

  /** Registers the all-reduce's gradient once per process (TF Java's registry is global). */
  private static synchronized void registerGradient() {
    if (gradientRegistered) {
      return;
    }
    TensorFlow.registerCustomGradient(
        OP,
        (tf, op, upstream) -> {
          @SuppressWarnings("unchecked")
          Operand<TInt32> key = (Operand<TInt32>) op.input(3);
          @SuppressWarnings("unchecked")
          Operand<TInt32> size = (Operand<TInt32>) op.input(1);
          @SuppressWarnings("unchecked")
          Operand<TInt32> group = (Operand<TInt32>) op.input(2);
          @SuppressWarnings({"unchecked", "rawtypes"})
          Operand<TNumber> dy = (Operand) upstream.get(0);
          OperationBuilder b = tf.scope().opBuilder(OP, "AllReduceGrad");
          b.addInput(dy.asOutput());
          b.addInput(size.asOutput());
          b.addInput(group.asOutput());
          b.addInput(tf.math.add(key, tf.constant(GRADIENT_KEY_OFFSET)).asOutput());
          b.addInputList(new Output<?>[0]);
          b.setAttr("merge_op", "Add");
          b.setAttr("final_op", op.attributes().getAttrString("final_op"));
          b.setAttr("communication_hint", "ring");
          b.setAttr("timeout_seconds", op.attributes().getAttrFloat("timeout_seconds"));
          b.setDevice(op.device());
          List<Operand<?>> grads = new ArrayList<>();
          grads.add(b.build().output(0));
          // The integer inputs (size, group, key) get zeros: TF Java's adapter takes no nulls.
          grads.add(tf.zerosLike(size));
          grads.add(tf.zerosLike(group));
          grads.add(tf.zerosLike(key));
          return grads;
        });
    gradientRegistered = true;
  }
}
