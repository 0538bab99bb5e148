package org.tfseg.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.Tensor;
import org.tfseg.export.ServingSignatures;

/**
 * TF Serving's REST Predict API on one loaded version: the row format ({@code "instances"}, one
 * entry per batch element, answered {@code {"predictions": […]}}) and the columnar format ({@code
 * "inputs"}, whole tensors, answered {@code {"outputs": …}}), with {@code "signature_name"}
 * (default {@code serving_default}). A signature with one input takes each instance (or the inputs)
 * bare or as {@code {"NAME": value}}; with one output the answer is bare, else an object per
 * output.
 */
final class RestPredict {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();

  private RestPredict() {}

  static byte[] predict(ServedModel model, byte[] body, long maxPixels) throws IOException {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw ClientError.badRequest(
          "body is not JSON: " + ServedModel.firstLine(e.getOriginalMessage()));
    }
    if (request == null || !request.isObject()) {
      throw ClientError.badRequest("body is not a JSON object");
    }
    JsonNode name = request.get("signature_name");
    if (name != null && !name.isTextual()) {
      throw ClientError.badRequest("'signature_name' must be a string");
    }
    SignatureSpec sig = model.signature(name == null ? ServingSignatures.DEFAULT : name.asText());
    boolean rows = request.has("instances");
    if (rows == request.has("inputs")) {
      throw ClientError.badRequest(
          "expected exactly one of 'instances' (row) or 'inputs' (columnar)");
    }
    Map<String, Tensor> inputs = new HashMap<>();
    try {
      if (rows) {
        parseRows(sig, request.get("instances"), maxPixels, inputs);
      } else {
        parseColumns(sig, request.get("inputs"), maxPixels, inputs);
      }
      try (Result r = model.run(sig, inputs)) {
        return rows ? rowAnswer(sig, r) : columnAnswer(sig, r);
      }
    } finally {
      inputs.values().forEach(Tensor::close);
    }
  }

  private static void parseRows(
      SignatureSpec sig, JsonNode instances, long maxPixels, Map<String, Tensor> out) {
    if (!instances.isArray() || instances.isEmpty()) {
      throw ClientError.badRequest("'instances' must be a non-empty list");
    }
    for (TensorSpec in : sig.inputs()) {
      if (in.rank() == 0) {
        throw ClientError.badRequest(
            "signature "
                + sig.name()
                + " takes one example (input "
                + in.key()
                + " is a scalar): use the columnar format {\"inputs\": …}");
      }
      List<JsonNode> values = new ArrayList<>();
      for (JsonNode instance : instances) {
        values.add(named(sig, in, instance, "instance"));
      }
      out.put(in.key(), TensorJson.parse(in, values, true, maxPixels));
    }
  }

  private static void parseColumns(
      SignatureSpec sig, JsonNode inputs, long maxPixels, Map<String, Tensor> out) {
    for (TensorSpec in : sig.inputs()) {
      out.put(
          in.key(),
          TensorJson.parse(in, List.of(named(sig, in, inputs, "inputs")), false, maxPixels));
    }
  }

  /** The value of input {@code in} in {@code node}: by name, or bare for a one-input signature. */
  private static JsonNode named(SignatureSpec sig, TensorSpec in, JsonNode node, String what) {
    boolean bytesValue = node.isObject() && node.size() == 1 && node.has("b64");
    if (node.isObject() && !bytesValue) {
      JsonNode v = node.get(in.key());
      if (v == null || node.size() != sig.inputs().size()) {
        throw ClientError.badRequest(
            what
                + ": expected the keys "
                + sig.inputs().stream().map(TensorSpec::key).toList()
                + " of signature "
                + sig.name());
      }
      return v;
    }
    if (sig.inputs().size() != 1) {
      throw ClientError.badRequest(
          what + ": signature " + sig.name() + " has several inputs; name each of them");
    }
    return node;
  }

  private static byte[] rowAnswer(SignatureSpec sig, Result r) throws IOException {
    long n = -1;
    for (int i = 0; i < sig.outputs().size(); i++) {
      long[] shape = r.get(i).shape().asArray();
      if (shape.length == 0 || (n >= 0 && shape[0] != n)) {
        throw ClientError.badRequest(
            "signature " + sig.name() + " has outputs without a common batch size: use 'inputs'");
      }
      n = shape[0];
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeArrayFieldStart("predictions");
      for (int row = 0; row < n; row++) {
        if (sig.outputs().size() == 1) {
          TensorJson.write(g, r.get(0), row);
        } else {
          g.writeStartObject();
          for (int i = 0; i < sig.outputs().size(); i++) {
            g.writeFieldName(sig.outputs().get(i).key());
            TensorJson.write(g, r.get(i), row);
          }
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  private static byte[] columnAnswer(SignatureSpec sig, Result r) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
      g.writeStartObject();
      g.writeFieldName("outputs");
      if (sig.outputs().size() == 1) {
        TensorJson.write(g, r.get(0), -1);
      } else {
        g.writeStartObject();
        for (int i = 0; i < sig.outputs().size(); i++) {
          g.writeFieldName(sig.outputs().get(i).key());
          TensorJson.write(g, r.get(i), -1);
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }
}
