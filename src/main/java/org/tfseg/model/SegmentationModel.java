package org.tfseg.model;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;

/**
 * An architecture: builds the forward pass of one tower and returns its logits, the primary output
 * first (deep-supervision models such as BASNet return their side outputs after it). Called once
 * per tower with the same names, so towers share weights.
 */
public interface SegmentationModel {
  /** Registry name, e.g. {@code unet}. */
  String architecture();

  /** Channels of each logits output: 1 for binary (sigmoid), C for C-class softmax. */
  int numClasses();

  List<Operand<TFloat32>> build(Layers layers, Operand<TFloat32> images);
}
