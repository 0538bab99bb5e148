package org.tfseg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The bodies of TF Serving's model status and metadata endpoints. */
final class ModelStatus {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ModelStatus() {}

  /** {@code GET /v1/models/NAME}: the served version, {@code AVAILABLE}. */
  static byte[] status(long version) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode v = root.putArray("model_version_status").addObject();
    v.put("version", Long.toString(version));
    v.put("state", "AVAILABLE");
    v.putObject("status").put("error_code", "OK").put("error_message", "");
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  /** {@code GET /v1/models/NAME/metadata}: every signature with its tensors' dtypes and shapes. */
  static byte[] metadata(String name, ServedModel m) throws Exception {
    ObjectNode root = JSON.createObjectNode();
    root.putObject("model_spec")
        .put("name", name)
        .put("signature_name", "")
        .put("version", Long.toString(m.version));
    ObjectNode map = root.putObject("metadata").putObject("signature_def");
    map.put("@type", "type.googleapis.com/tensorflow.serving.SignatureDefMap");
    ObjectNode defs = map.putObject("signature_def");
    for (SignatureSpec s : m.signatures.values()) {
      ObjectNode def = defs.putObject(s.name());
      tensors(def.putObject("inputs"), s.inputs().toArray(TensorSpec[]::new));
      tensors(def.putObject("outputs"), s.outputs().toArray(TensorSpec[]::new));
      def.put("method_name", s.methodName());
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
  }

  private static void tensors(ObjectNode into, TensorSpec... specs) {
    for (TensorSpec t : specs) {
      ObjectNode info = into.putObject(t.key());
      info.put("dtype", t.dtype().name());
      ObjectNode shape = info.putObject("tensor_shape");
      ArrayNode dims = shape.putArray("dim");
      for (long d : t.shape()) {
        dims.addObject().put("size", Long.toString(d)).put("name", "");
      }
      shape.put("unknown_rank", false);
      info.put("name", t.tensorName());
    }
  }
}
