package org.tfseg.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * Applies {@code a.b.c=value} overrides (the CLI's {@code --set}) to a JSON tree. Segments name
 * object keys or, inside arrays, 0-based indexes (the index equal to the length appends). The value
 * is parsed as JSON if it parses ({@code 3}, {@code 0.1}, {@code true}, {@code [256,256]}, {@code
 * {"type":"sgd"}}, {@code "quoted"}), else taken as a plain string. Missing objects on the way are
 * created.
 */
final class Overrides {
  private Overrides() {}

  /** A malformed override; the message says why, without naming the override. */
  static final class BadOverride extends RuntimeException {
    BadOverride(String message) {
      super(message);
    }
  }

  static void apply(ObjectNode root, String override) {
    int eq = override.indexOf('=');
    if (eq < 0) {
      throw new BadOverride("expected key.path=value");
    }
    String key = override.substring(0, eq).strip();
    if (key.isEmpty()) {
      throw new BadOverride("the key before '=' is empty");
    }
    String[] segments = key.split("\\.", -1);
    JsonNode value = parseValue(override.substring(eq + 1));
    JsonNode node = root;
    StringBuilder walked = new StringBuilder();
    for (int i = 0; i < segments.length; i++) {
      String seg = segments[i];
      if (seg.isEmpty()) {
        throw new BadOverride("empty segment in '" + key + "'");
      }
      boolean last = i == segments.length - 1;
      String here = walked.length() == 0 ? "the top level" : "'" + walked + "'";
      if (node instanceof ObjectNode obj) {
        if (last) {
          obj.set(seg, value);
        } else {
          JsonNode child = obj.get(seg);
          if (child == null) {
            child = obj.putObject(seg);
          }
          node = child;
        }
      } else if (node instanceof ArrayNode arr) {
        int idx = parseIndex(seg, here);
        if (idx > arr.size()) {
          throw new BadOverride(
              "index "
                  + idx
                  + " is out of range: "
                  + here
                  + " has "
                  + arr.size()
                  + " element(s) (use "
                  + arr.size()
                  + " to append)");
        }
        JsonNode child = last ? value : idx < arr.size() ? arr.get(idx) : arr.objectNode();
        if (idx == arr.size()) {
          arr.add(child);
        } else if (last) {
          arr.set(idx, child);
        }
        node = child;
      } else {
        throw new BadOverride(here + " is " + JsonPath.describe(node) + ", not an object or array");
      }
      walked.append(walked.length() == 0 ? "" : ".").append(seg);
    }
  }

  private static int parseIndex(String seg, String where) {
    try {
      int idx = Integer.parseInt(seg);
      if (idx >= 0) {
        return idx;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadOverride(where + " is an array; expected an index >= 0, got '" + seg + "'");
  }

  private static JsonNode parseValue(String text) {
    try {
      JsonNode parsed = ConfigJson.MAPPER.readTree(text);
      if (parsed != null && !parsed.isMissingNode()) {
        return parsed;
      }
    } catch (JacksonException notJson) {
      // a plain string
    }
    return TextNode.valueOf(text);
  }
}
