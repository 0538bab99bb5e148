package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Helpers for callback state. JSON has no infinities, and a best value of ±inf only means "nothing
 * seen yet", so non-finite values are stored as null and read back as the caller's default.
 */
final class StateJson {
  private StateJson() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static void putFinite(ObjectNode node, String field, double value) {
    if (Double.isFinite(value)) {
      node.put(field, value);
    } else {
      node.putNull(field);
    }
  }

  /** An epoch index, or null while there is none (negative). */
  static void putEpoch(ObjectNode node, String field, int epoch) {
    if (epoch < 0) {
      node.putNull(field);
    } else {
      node.put(field, epoch);
    }
  }

  static double finiteOr(JsonNode node, String field, double fallback) {
    JsonNode value = node.get(field);
    return value == null || !value.isNumber() ? fallback : value.doubleValue();
  }

  static int intOr(JsonNode node, String field, int fallback) {
    JsonNode value = node.get(field);
    return value == null || !value.isNumber() ? fallback : value.intValue();
  }

  /** Log keys joined as in Keras' "Available metrics are: …" warnings. */
  static String availableKeys(Map<String, Double> logs) {
    return String.join(",", logs.keySet());
  }
}
