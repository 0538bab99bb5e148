package org.tfseg.model;

import org.tensorflow.Operand;
import org.tfseg.UserError;

/**
 * The channel count of a model output {@code [N, H, W, C]}: one channel is a binary sigmoid output,
 * more are softmax classes. Losses and metrics that only make sense for one of the two check it
 * when the graph is built, naming themselves, so a mismatch with the model fails early.
 */
public final class OutputChannels {
  private OutputChannels() {}

  public static long of(Operand<?> output) {
    return output.shape().get(output.shape().numDimensions() - 1);
  }

  /**
   * @param what e.g. {@code "loss 'dice'"}
   */
  public static void requireBinary(Operand<?> output, String what) {
    long c = of(output);
    if (c != 1) {
      throw new UserError(
          what
              + " needs a binary model (num_classes 1, sigmoid output); the model has "
              + c
              + " output channels");
    }
  }

  /**
   * @param what e.g. {@code "loss 'sparse_categorical_crossentropy'"}
   */
  public static long requireMultiClass(Operand<?> output, String what) {
    long c = of(output);
    if (c < 2) {
      throw new UserError(
          what
              + " needs a multi-class model (num_classes >= 2, softmax output); the "
              + "model has "
              + c
              + " output channel"
              + (c == 1 ? "" : "s"));
    }
    return c;
  }
}
