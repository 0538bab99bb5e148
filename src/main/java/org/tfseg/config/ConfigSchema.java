package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the config records accept, read from the records and their Jackson annotations: the JSON
 * keys of each record, the kinds of each one-of, the names of each enum. Used for error messages
 * and to check that {@code docs/experiments.md} covers every key.
 */
public final class ConfigSchema {
  private ConfigSchema() {}

  /** The JSON keys a record accepts, in declaration order. */
  public static List<String> keys(Class<?> record) {
    List<String> keys = new ArrayList<>();
    for (BeanPropertyDefinition p :
        ConfigJson.MAPPER
            .getDeserializationConfig()
            .introspect(ConfigJson.MAPPER.constructType(record))
            .findProperties()) {
      keys.add(p.getName());
    }
    return keys;
  }

  /** The discriminator key of a one-of interface ({@code "type"}, {@code "layout"}, …), or null. */
  public static String discriminator(Class<?> type) {
    return Kinds.isOneOf(type) ? Kinds.discriminator(type) : null;
  }

  /** The kinds of a one-of interface, name → record, in registration order. */
  public static Map<String, Class<?>> kinds(Class<?> oneOf) {
    return Kinds.of(oneOf);
  }

  /** The JSON names of an enum's constants ({@code precision}, {@code auto}, …). */
  public static List<String> enumNames(Class<?> enumType) {
    List<String> names = new ArrayList<>();
    for (Object c : enumType.getEnumConstants()) {
      names.add(ConfigJson.MAPPER.convertValue(c, String.class));
    }
    return names;
  }

  /**
   * Every word a user can write in an experiment file: record keys, discriminator keys, kind names
   * and enum names, reachable from {@link Experiment}.
   */
  public static Set<String> allWords() {
    Set<String> words = new LinkedHashSet<>();
    collect(Experiment.class, words, new LinkedHashSet<>());
    return words;
  }

  /** A record with a {@code @JsonValue} method is written as that value, not as an object. */
  private static boolean writtenAsValue(Class<?> record) {
    for (Method m : record.getDeclaredMethods()) {
      if (m.isAnnotationPresent(JsonValue.class)) {
        return true;
      }
    }
    return false;
  }

  private static void collect(Type type, Set<String> words, Set<Class<?>> seen) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        collect(arg, words, seen);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !seen.add(c)) {
      return;
    }
    if (c.isEnum()) {
      words.addAll(enumNames(c));
    } else if (c.isRecord()) {
      if (writtenAsValue(c)) {
        return; // a plain JSON value (ImageSize as [height, width]), no keys
      }
      words.addAll(keys(c));
      for (RecordComponent rc : c.getRecordComponents()) {
        collect(rc.getGenericType(), words, seen);
      }
    } else if (c.isInterface() && discriminator(c) != null) {
      words.add(discriminator(c));
      for (Map.Entry<String, Class<?>> kind : kinds(c).entrySet()) {
        words.add(kind.getKey());
        collect(kind.getValue(), words, seen);
      }
    }
  }
}
