package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sample JSON for the config records: binds a record, or a kind of a one-of, from JSON while
 * filling its required keys with valid-looking values. Shared by {@link KindsTest} and {@link
 * DocsReferenceTest}.
 */
final class ConfigSamples {
  private ConfigSamples() {}

  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  static final String REQUIRED = "required key is missing";

  /** The first value an error message offers, as in {@code unknown encoder 'x' (valid: a, b)}. */
  private static final Pattern VALID = Pattern.compile("\\(valid: ([^,;)]+)");

  /**
   * Binds {@code json} as {@code type} — a one-of (then {@code json} holds its discriminator) or a
   * plain record — adding to {@code json} each key the record reports as required, with a sample
   * value. A sample the record refuses is replaced by the first valid value its error names.
   */
  static Object bindFillingRequired(Class<?> type, ObjectNode json) throws JsonMappingException {
    Class<?> record = recordOf(type, json);
    Set<String> filled = new HashSet<>();
    for (int attempt = 0; attempt < 40; attempt++) {
      try {
        return ConfigJson.MAPPER.treeToValue(json, type);
      } catch (JsonMappingException e) {
        InvalidConfigException invalid = rootInvalid(e);
        if (invalid == null || invalid.key() == null) {
          throw e;
        }
        Matcher valid = VALID.matcher(invalid.problem());
        if (invalid.problem().equals(REQUIRED) && !json.has(invalid.key())) {
          json.set(invalid.key(), sample(componentType(record, invalid.key())));
          filled.add(invalid.key());
        } else if (filled.contains(invalid.key()) && valid.find()) {
          json.put(invalid.key(), valid.group(1).strip());
        } else {
          throw e;
        }
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("could not fill the required keys of " + json);
  }

  /** The record {@code json} binds to as {@code type}: the kind its discriminator names. */
  static Class<?> recordOf(Class<?> type, ObjectNode json) {
    if (!Kinds.isOneOf(type)) {
      return type;
    }
    String kind = json.path(Kinds.discriminator(type)).asText();
    Class<?> record = Kinds.of(type).get(kind);
    if (record == null) {
      throw new AssertionError(type.getSimpleName() + " has no kind '" + kind + "'");
    }
    return record;
  }

  /**
   * The {@link InvalidConfigException} a record's own constructor threw, or null when binding
   * failed otherwise or inside a nested value (whose reference chain is then not empty).
   */
  static InvalidConfigException rootInvalid(JsonMappingException e) {
    return e.getPath().isEmpty() ? invalid(e) : null;
  }

  /** The {@link InvalidConfigException} among {@code t} and its causes, or null. */
  static InvalidConfigException invalid(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidConfigException i) {
        return i;
      }
    }
    return null;
  }

  /** The declared type of the component of {@code record} whose JSON key is {@code key}. */
  static Type componentType(Class<?> record, String key) {
    for (RecordComponent rc : record.getRecordComponents()) {
      if (jsonKey(rc).equals(key)) {
        return rc.getGenericType();
      }
    }
    throw new AssertionError(record.getSimpleName() + " has no component for key " + key);
  }

  /** A component's JSON key: its {@code @JsonProperty} name, else its name in snake_case. */
  static String jsonKey(RecordComponent rc) {
    JsonProperty named = rc.getAccessor().getAnnotation(JsonProperty.class);
    if (named != null && !named.value().isEmpty()) {
      return named.value();
    }
    return rc.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  /** A valid-looking JSON value of {@code type}. */
  static JsonNode sample(Type type) throws JsonMappingException {
    if (type instanceof ParameterizedType p) {
      ArrayNode list = JSON.arrayNode();
      list.add(sample(p.getActualTypeArguments()[0]));
      return list;
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class) {
      return JSON.textNode("x");
    } else if (c == Integer.class || c == Long.class) {
      return JSON.numberNode(16);
    } else if (c == Double.class) {
      return JSON.numberNode(0.5);
    } else if (c == Boolean.class) {
      return JSON.booleanNode(false);
    } else if (c == ImageSize.class) {
      return JSON.arrayNode().add(32).add(32);
    } else if (c.isEnum()) {
      return JSON.textNode(ConfigSchema.enumNames(c).get(0));
    } else if (Kinds.isOneOf(c)) {
      Map.Entry<String, Class<?>> first = Kinds.of(c).entrySet().iterator().next();
      ObjectNode o = JSON.objectNode().put(Kinds.discriminator(c), first.getKey());
      bindFillingRequired(c, o); // adds its required keys to o
      return o;
    } else if (c.isRecord()) {
      ObjectNode o = JSON.objectNode();
      bindFillingRequired(c, o);
      return o;
    }
    throw new AssertionError("no sample value for " + type);
  }
}
