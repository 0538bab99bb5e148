package org.tfseg.config;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.List;

/** {@code $.a.b[0].c}-style paths, and short descriptions of JSON values for error messages. */
final class JsonPath {
  private JsonPath() {}

  static final String ROOT = "$";

  static String child(String parent, String key) {
    return parent + "." + key;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /** The path of a Jackson reference chain, or its first {@code n} elements. */
  static String of(List<JsonMappingException.Reference> refs, int n) {
    StringBuilder sb = new StringBuilder(ROOT);
    for (int i = 0; i < n; i++) {
      JsonMappingException.Reference r = refs.get(i);
      if (r.getFieldName() != null) {
        sb.append('.').append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        sb.append('[').append(r.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  /** The node a reference chain points to in {@code root}, or null if it is not there. */
  static JsonNode find(JsonNode root, List<JsonMappingException.Reference> refs) {
    JsonNode node = root;
    for (JsonMappingException.Reference r : refs) {
      if (node == null) {
        return null;
      }
      if (r.getFieldName() != null) {
        node = node.get(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        node = node.get(r.getIndex());
      }
    }
    return node;
  }

  /** {@code string "fast"}, {@code integer 3}, {@code number 0.5}, {@code an array}, … */
  static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    JsonNodeType t = node.getNodeType();
    return switch (t) {
      case STRING -> "string " + node.toString();
      case NUMBER -> (node.isIntegralNumber() ? "integer " : "number ") + node.asText();
      case BOOLEAN -> "boolean " + node.asText();
      case NULL -> "null";
      case ARRAY -> "an array";
      case OBJECT -> "an object";
      default -> t.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}
