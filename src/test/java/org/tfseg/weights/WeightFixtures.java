package org.tfseg.weights;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Tensors;

/** The files written by tools/fixtures/make_keras_fixtures.py, and reading variables back. */
public final class WeightFixtures {
  private WeightFixtures() {}

  public static Path path(String name) {
    URL url = WeightFixtures.class.getResource("/weights/" + name);
    if (url == null) {
      throw new IllegalStateException(
          "missing test resource weights/" + name + " (tools/fixtures/make_keras_fixtures.py)");
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> lines(String name) {
    try {
      return Files.readAllLines(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static float[] values(Session s, ModelVariable v) {
    try (Result r = s.runner().fetch(v.value()).run()) {
      return Tensors.floats((TFloat32) r.get(0));
    }
  }
}
