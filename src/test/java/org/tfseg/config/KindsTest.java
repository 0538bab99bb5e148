package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;
import org.tfseg.metric.Metric;
import org.tfseg.model.encoder.EncoderRegistry;

/**
 * Every kind the config schema knows — each one-of's permitted records, each metric, each encoder —
 * binds from JSON with only its required keys and builds what it describes. A kind whose builder is
 * missing cannot compile; one whose builder fails is caught here.
 */
class KindsTest {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  @Test
  void everyOneOfKindBindsAndBuilds() throws Exception {
    List<Class<?>> oneOfs = Kinds.reachableOneOfs(Experiment.class);
    assertTrue(oneOfs.size() >= 6, "one-ofs: " + oneOfs);
    List<String> built = new ArrayList<>();
    for (Class<?> oneOf : oneOfs) {
      for (Map.Entry<String, Class<?>> kind : Kinds.of(oneOf).entrySet()) {
        ObjectNode json = JSON.objectNode();
        json.put(Kinds.discriminator(oneOf), kind.getKey());
        Object config = bindFillingRequired(oneOf, json);
        assertEquals(kind.getValue(), config.getClass(), kind.getKey());
        build(oneOf, config);
        built.add(kind.getKey());
      }
    }
    assertTrue(
        built.containsAll(List.of("bce", "adam", "early_stopping", "unet", "atrous", "synthetic")),
        "" + built);
  }

  @Test
  void everyMetricAndEncoderBuilds() {
    for (Metric m : Metric.values()) {
      if (m.streaming()) {
        assertEquals(m.jsonName(), m.build(0.5).name(), m.name());
      }
    }
    assertEquals(
        List.of(Metric.SOD),
        List.of(Metric.values()).stream().filter(m -> !m.streaming()).toList());
    for (String name : EncoderRegistry.names()) {
      assertEquals(name, EncoderRegistry.create(name, "encoder").name());
    }
  }

  @Test
  void kindNamesComeFromThePermitsList() {
    assertEquals(
        List.of("adam", "rmsprop", "sgd"),
        List.copyOf(Kinds.of(org.tfseg.optim.OptimizerConfig.class).keySet()));
    assertFalse(Kinds.isOneOf(Experiment.class));
  }

  /** Binds {@code json} as {@code oneOf}, adding each key the record reports as required. */
  private static Object bindFillingRequired(Class<?> oneOf, ObjectNode json) throws Exception {
    for (int attempt = 0; attempt < 20; attempt++) {
      try {
        return ConfigJson.MAPPER.treeToValue(json, oneOf);
      } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
        InvalidConfigException invalid = invalid(e);
        if (invalid == null || !invalid.problem().equals("required key is missing")) {
          throw e;
        }
        Class<?> kind = Kinds.of(oneOf).get(json.get(Kinds.discriminator(oneOf)).asText());
        json.set(invalid.key(), sample(componentType(kind, invalid.key())));
      }
    }
    throw new AssertionError("could not fill the required keys of " + json);
  }

  /** Calls the one-of's builder (its abstract method other than the shared accessors). */
  private static void build(Class<?> oneOf, Object config) throws Exception {
    Method builder = null;
    for (Method m : oneOf.getDeclaredMethods()) {
      if (Modifier.isAbstract(m.getModifiers())
          && (m.getName().equals("build") || m.getName().equals("list"))) {
        builder = m;
      }
    }
    assertNotNull(builder, oneOf.getSimpleName() + " declares no build/list method");
    try (Graph g = new Graph()) {
      Object[] args = new Object[builder.getParameterCount()];
      for (int i = 0; i < args.length; i++) {
        assertEquals(Ops.class, builder.getParameterTypes()[i]);
        args[i] = Ops.create(g);
      }
      assertNotNull(builder.invoke(config, args), config.toString());
    } catch (InvocationTargetException e) {
      // A data source naming folders that do not exist reports them to the user: its builder ran.
      if (!(e.getCause() instanceof UserError && oneOf.getSimpleName().equals("SourceConfig"))) {
        fail(config + " failed to build: " + e.getCause(), e.getCause());
      }
    }
  }

  private static Type componentType(Class<?> record, String key) {
    for (RecordComponent rc : record.getRecordComponents()) {
      if (snake(rc.getName()).equals(key)) {
        return rc.getGenericType();
      }
    }
    throw new AssertionError(record + " has no component for " + key);
  }

  /** A valid-looking JSON value of {@code type}. */
  private static JsonNode sample(Type type) throws Exception {
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
    } else if (Kinds.isOneOf(c)) {
      Map.Entry<String, Class<?>> first = Kinds.of(c).entrySet().iterator().next();
      ObjectNode o = JSON.objectNode().put(Kinds.discriminator(c), first.getKey());
      bindFillingRequired(c, o); // adds its required keys to o
      return o;
    } else if (c.isRecord()) {
      ObjectNode o = JSON.objectNode();
      for (RecordComponent rc : c.getRecordComponents()) {
        try {
          ConfigJson.MAPPER.treeToValue(o, c);
          return o;
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
          InvalidConfigException invalid = invalid(e);
          if (invalid == null) {
            throw e;
          }
          o.set(invalid.key(), sample(componentType(c, invalid.key())));
        }
      }
      return o;
    }
    throw new AssertionError("no sample value for " + type);
  }

  private static InvalidConfigException invalid(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof InvalidConfigException i) {
        return i;
      }
    }
    return null;
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
  }
}
