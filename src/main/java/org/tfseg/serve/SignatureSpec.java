package org.tfseg.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;

/** A signature's inputs and outputs in key order, read from the SavedModel's SignatureDef. */
record SignatureSpec(
    String name, String methodName, List<TensorSpec> inputs, List<TensorSpec> outputs) {
  static SignatureSpec of(String name, SignatureDef def) {
    return new SignatureSpec(
        name, def.getMethodName(), specs(def.getInputsMap()), specs(def.getOutputsMap()));
  }

  private static List<TensorSpec> specs(Map<String, TensorInfo> map) {
    List<TensorSpec> out = new ArrayList<>();
    map.keySet().stream().sorted().forEach(k -> out.add(TensorSpec.of(k, map.get(k))));
    return List.copyOf(out);
  }
}
