package org.tfseg.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TBfloat16;
import org.tensorflow.types.TFloat16;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * Keras mixed-precision policies: the variables (master weights, optimizer slots, BatchNorm
 * statistics) are float32 in every policy; under a {@code mixed_*} policy the layers compute in the
 * low type (a weight is cast where it is read), and the model's outputs, the losses, metrics and
 * heads are float32. {@link #MIXED_FLOAT16} also scales the loss dynamically ({@link LossScale}).
 */
public enum Precision {
  @JsonProperty("float32")
  FLOAT32(TFloat32.class, DataType.DT_FLOAT),
  @JsonProperty("mixed_bfloat16")
  MIXED_BFLOAT16(TBfloat16.class, DataType.DT_BFLOAT16),
  @JsonProperty("mixed_float16")
  MIXED_FLOAT16(TFloat16.class, DataType.DT_HALF);

  private final Class<? extends TType> compute;
  private final DataType dataType;

  Precision(Class<? extends TType> compute, DataType dataType) {
    this.compute = compute;
    this.dataType = dataType;
  }

  /** The type the layers compute in. */
  public Class<? extends TType> computeType() {
    return compute;
  }

  public DataType computeDataType() {
    return dataType;
  }

  public boolean mixed() {
    return this != FLOAT32;
  }

  /** Keras scales the loss under float16 only (bfloat16 has float32's exponent range). */
  public boolean scalesLoss() {
    return this == MIXED_FLOAT16;
  }
}
