package org.tfseg.graph;

import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * A named model weight. {@code value} is the variable read through {@code Identity}: layers must
 * use it, never the raw variable (some gradient builders crash the JVM on raw variable outputs).
 *
 * @param name hierarchical name, e.g. {@code enc1/conv1/kernel}; also the checkpoint key
 * @param trainable false for BatchNorm moving statistics and frozen weights
 */
public record ModelVariable(
    String name,
    Shape shape,
    boolean trainable,
    Variable<TFloat32> variable,
    Operand<TFloat32> value) {

  public long size() {
    return shape.size();
  }
}
