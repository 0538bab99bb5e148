package org.tfseg.serve;

import java.util.Arrays;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.proto.TensorShapeProto;

/**
 * One input or output of a signature, as its SignatureDef gives it: the graph tensor TF Serving
 * feeds or fetches, its dtype and shape ({@code -1} for an unknown size).
 */
record TensorSpec(String key, String tensorName, DataType dtype, long[] shape) {
  static TensorSpec of(String key, TensorInfo info) {
    TensorShapeProto s = info.getTensorShape();
    long[] shape = s.getDimList().stream().mapToLong(TensorShapeProto.Dim::getSize).toArray();
    return new TensorSpec(key, info.getName(), info.getDtype(), shape);
  }

  int rank() {
    return shape.length;
  }

  String describe() {
    return key + " " + dtype + " " + Arrays.toString(shape);
  }
}
