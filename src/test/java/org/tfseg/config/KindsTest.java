package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;
import org.tfseg.metric.Metric;
import org.tfseg.model.encoder.EncoderRegistry;

/**
 * Every kind the config schema knows — each one-of's permitted records, each metric, each encoder —
 * binds from JSON with only its required keys and builds what it describes. A kind whose builder is
 * missing cannot compile; one whose builder fails is caught here. The required keys are filled by
 * {@link ConfigSamples}.
 */
class KindsTest {
  private static final JsonNodeFactory JSON = ConfigSamples.JSON;

  @Test
  void everyOneOfKindBindsAndBuilds(@TempDir Path tmp) throws Exception {
    List<Class<?>> oneOfs = Kinds.reachableOneOfs(Experiment.class);
    assertTrue(oneOfs.size() >= 6, "one-ofs: " + oneOfs);
    List<String> built = new ArrayList<>();
    for (Class<?> oneOf : oneOfs) {
      for (Map.Entry<String, Class<?>> kind : Kinds.of(oneOf).entrySet()) {
        ObjectNode json = JSON.objectNode();
        json.put(Kinds.discriminator(oneOf), kind.getKey());
        if (ConfigSchema.keys(kind.getValue()).contains("root")) {
          // Sources read or generate data under root: keep it out of the working directory.
          json.put("root", tmp.resolve(kind.getKey()).toString());
        }
        Object config = ConfigSamples.bindFillingRequired(oneOf, json);
        assertEquals(kind.getValue(), config.getClass(), kind.getKey());
        build(oneOf, config);
        built.add(kind.getKey());
      }
    }
    assertTrue(
        built.containsAll(
            List.of(
                "bce",
                "adam",
                "adamw",
                "early_stopping",
                "unet",
                "atrous",
                "synthetic",
                "piecewise_constant",
                "cosine_decay_restarts")),
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
        List.of("adam", "adamw", "rmsprop", "sgd"),
        List.copyOf(Kinds.of(org.tfseg.optim.OptimizerConfig.class).keySet()));
    assertFalse(Kinds.isOneOf(Experiment.class));
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
}
