package org.tfseg.config;

import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonMappingException.Reference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Collection;
import java.util.List;

/** Turns Jackson binding failures into one-line {@code $.path: problem} messages. */
final class BindingErrors {
  private BindingErrors() {}

  /** Describes {@code e}, raised while binding {@code root}, as {@code $.path: problem}. */
  static String describe(JsonMappingException e, JsonNode root) {
    List<Reference> refs = e.getPath();
    String path = JsonPath.of(refs, refs.size());
    InvalidConfigException invalid = findInvalid(e);
    if (invalid != null) {
      return (invalid.key() == null ? path : JsonPath.child(path, invalid.key()))
          + ": "
          + invalid.problem();
    }
    if (e instanceof UnrecognizedPropertyException u) {
      String parent = JsonPath.of(refs, Math.max(0, refs.size() - 1));
      return parent
          + ": unknown key '"
          + u.getPropertyName()
          + "' (valid: "
          + String.join(", ", validKeys(u))
          + ")";
    }
    if (e instanceof InvalidTypeIdException t) {
      Class<?> base = t.getBaseType() == null ? null : t.getBaseType().getRawClass();
      String key = base == null ? "type" : ConfigSchema.discriminator(base);
      String valid = base == null ? "?" : String.join(", ", ConfigSchema.kinds(base).keySet());
      JsonNode node = JsonPath.find(root, refs);
      if (node != null && !node.isObject()) {
        return path + ": expected an object, got " + JsonPath.describe(node);
      }
      JsonNode id = node == null ? null : node.get(key);
      if (id == null) {
        return path + ": missing '" + key + "' (valid: " + valid + ")";
      }
      if (!id.isTextual()) {
        return JsonPath.child(path, key) + ": expected a string, got " + JsonPath.describe(id);
      }
      return JsonPath.child(path, key)
          + ": unknown "
          + key
          + " '"
          + t.getTypeId()
          + "' (valid: "
          + valid
          + ")";
    }
    if (e instanceof InvalidFormatException f
        && f.getTargetType() != null
        && f.getTargetType().isEnum()) {
      JsonNode node = JsonPath.find(root, refs);
      String valid = String.join(", ", ConfigSchema.enumNames(f.getTargetType()));
      return node != null && node.isTextual()
          ? path + ": unknown value " + node + " (valid: " + valid + ")"
          : path + ": expected one of " + valid + ", got " + JsonPath.describe(node);
    }
    if (e.getCause() instanceof InputCoercionException c) {
      boolean isInt = c.getTargetType() == Integer.class || c.getTargetType() == int.class;
      return path
          + ": integer out of range (max "
          + (isInt ? Integer.MAX_VALUE : Long.MAX_VALUE)
          + "), got "
          + JsonPath.describe(JsonPath.find(root, refs));
    }
    if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
      JsonNode node = JsonPath.find(root, refs);
      if (node != null) {
        return path
            + ": expected "
            + expected(m.getTargetType())
            + ", got "
            + JsonPath.describe(node);
      }
    }
    JsonNode node = JsonPath.find(root, refs);
    String got = node == null ? "" : " (got " + JsonPath.describe(node) + ")";
    return path + ": " + firstLine(e.getOriginalMessage()) + got;
  }

  private static List<String> validKeys(UnrecognizedPropertyException u) {
    Class<?> c = u.getReferringClass();
    if (c != null && c.isRecord()) {
      List<String> keys = new java.util.ArrayList<>();
      for (Class<?> i : c.getInterfaces()) {
        if (ConfigSchema.discriminator(i) != null) {
          keys.add(ConfigSchema.discriminator(i));
        }
      }
      keys.addAll(ConfigSchema.keys(c));
      return keys;
    }
    Collection<Object> known = u.getKnownPropertyIds();
    return known == null ? List.of() : known.stream().map(String::valueOf).sorted().toList();
  }

  private static InvalidConfigException findInvalid(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidConfigException i) {
        return i;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  /** What a Java target type looks like in JSON. */
  static String expected(Class<?> t) {
    if (t == Integer.class
        || t == int.class
        || t == Long.class
        || t == long.class
        || t == Short.class
        || t == short.class) {
      return "an integer";
    }
    if (t == Double.class || t == double.class || t == Float.class || t == float.class) {
      return "a number";
    }
    if (t == Boolean.class || t == boolean.class) {
      return "a boolean";
    }
    if (t == String.class || t.isEnum()) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(t) || t.isArray() || t == ImageSize.class) {
      return "an array";
    }
    return "an object";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
