package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kinds of each one-of. A one-of is a sealed config interface with {@code @JsonTypeInfo}; its
 * kinds are exactly its {@code permits} list, each a record named by its {@code @JsonTypeName}. So
 * the {@code permits} line is the only registration a new kind needs: the JSON binding, error
 * messages, schema and docs check all read it from here, and the interface's abstract builder
 * method makes a kind without a builder fail to compile.
 */
public final class Kinds {
  private Kinds() {}

  /** Whether {@code type} is a one-of interface. */
  public static boolean isOneOf(Class<?> type) {
    return type.isInterface() && type.isSealed() && type.isAnnotationPresent(JsonTypeInfo.class);
  }

  /** The discriminator key of a one-of ({@code "type"}, {@code "layout"}, …). */
  public static String discriminator(Class<?> oneOf) {
    return oneOf.getAnnotation(JsonTypeInfo.class).property();
  }

  /** Kind name → record, in {@code permits} order. */
  public static Map<String, Class<?>> of(Class<?> oneOf) {
    Map<String, Class<?>> kinds = new LinkedHashMap<>();
    for (Class<?> kind : oneOf.getPermittedSubclasses()) {
      JsonTypeName name = kind.getAnnotation(JsonTypeName.class);
      if (name == null) {
        throw new IllegalStateException(
            kind.getName() + " lacks @JsonTypeName (a kind of " + oneOf.getSimpleName() + ")");
      }
      if (kinds.put(name.value(), kind) != null) {
        throw new IllegalStateException(
            "two kinds of " + oneOf.getSimpleName() + " are named " + name.value());
      }
    }
    return kinds;
  }

  /**
   * Every one-of reachable from the record {@code root} through its components, in discovery order.
   */
  public static List<Class<?>> reachableOneOfs(Class<?> root) {
    Set<Class<?>> seen = new LinkedHashSet<>();
    List<Class<?>> oneOfs = new ArrayList<>();
    walk(root, seen, oneOfs);
    return oneOfs;
  }

  /** The kinds of every one-of reachable from {@code root}, for Jackson's subtype registration. */
  static List<NamedType> namedTypes(Class<?> root) {
    List<NamedType> types = new ArrayList<>();
    for (Class<?> oneOf : reachableOneOfs(root)) {
      of(oneOf).forEach((name, kind) -> types.add(new NamedType(kind, name)));
    }
    return types;
  }

  private static void walk(Type type, Set<Class<?>> seen, List<Class<?>> oneOfs) {
    if (type instanceof ParameterizedType p) {
      for (Type arg : p.getActualTypeArguments()) {
        walk(arg, seen, oneOfs);
      }
      return;
    }
    if (!(type instanceof Class<?> c) || !seen.add(c)) {
      return;
    }
    if (isOneOf(c)) {
      oneOfs.add(c);
      for (Class<?> kind : of(c).values()) {
        walk(kind, seen, oneOfs);
      }
    } else if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        walk(rc.getGenericType(), seen, oneOfs);
      }
    }
  }
}
