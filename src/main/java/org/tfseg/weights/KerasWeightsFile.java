package org.tfseg.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tfseg.UserError;

/**
 * A Keras HDF5 weights file ({@code model.save_weights(…h5)}, the keras-applications downloads, or
 * the {@code model_weights} group of a full-model save), read with jHDF. Layer order comes from the
 * root attribute {@code layer_names} and weight order from each layer's {@code weight_names}
 * (fixed- or variable-length strings, or an empty float array for a weightless layer), never from
 * the alphabetical group listing. Values are read on demand.
 */
public final class KerasWeightsFile implements AutoCloseable {
  private final Path path;
  private final HdfFile hdf;
  private final List<KerasLayer> layers;

  private KerasWeightsFile(Path path, HdfFile hdf, List<KerasLayer> layers) {
    this.path = path;
    this.hdf = hdf;
    this.layers = layers;
  }

  /**
   * @throws UserError if the file is missing, not HDF5, or not in Keras' layout
   */
  public static KerasWeightsFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UserError(path + ": weights file not found");
    }
    HdfFile hdf;
    try {
      hdf = new HdfFile(path);
    } catch (HdfException | IllegalArgumentException e) {
      throw new UserError(path + ": not a readable HDF5 file (" + e.getMessage() + ")", e);
    }
    try {
      return new KerasWeightsFile(path, hdf, readLayers(path, hdf));
    } catch (HdfException | UserError e) {
      hdf.close();
      throw e instanceof UserError u ? u : new UserError(path + ": " + e.getMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** Every layer, weightless ones included, in the file's order. */
  public List<KerasLayer> layers() {
    return layers;
  }

  public List<KerasLayer> weightedLayers() {
    return layers.stream().filter(l -> !l.weights().isEmpty()).toList();
  }

  /** A weight's values, row-major, as float32. */
  public float[] read(KerasWeight w) {
    Node node;
    try {
      node = hdf.getByPath(w.datasetPath());
    } catch (HdfException e) {
      throw new UserError(path + ": weight " + w.datasetPath() + " is listed but missing", e);
    }
    Object data = ((Dataset) node).getDataFlat();
    if (data instanceof float[] f) {
      return f;
    }
    if (data instanceof double[] d) {
      float[] f = new float[d.length];
      for (int i = 0; i < d.length; i++) {
        f[i] = (float) d[i];
      }
      return f;
    }
    throw new UserError(
        path
            + ": weight "
            + w.datasetPath()
            + " is not floating point ("
            + data.getClass().getSimpleName()
            + ")");
  }

  @Override
  public void close() {
    hdf.close();
  }

  private static List<KerasLayer> readLayers(Path path, HdfFile hdf) {
    Group root = hdf;
    if (root.getAttribute("layer_names") == null
        && root.getChild("model_weights") instanceof Group g) {
      root = g;
    }
    Attribute names = root.getAttribute("layer_names");
    if (names == null) {
      throw new UserError(path + ": not a Keras weights file (no layer_names attribute)");
    }
    List<KerasLayer> layers = new ArrayList<>();
    int position = 0;
    for (String layer : strings(names)) {
      Node node = root.getChild(layer);
      if (!(node instanceof Group group)) {
        throw new UserError(
            path + ": layer " + layer + " is listed in layer_names but has no group");
      }
      Attribute weightNames = group.getAttribute("weight_names");
      List<KerasWeight> weights = new ArrayList<>();
      for (String name : weightNames == null ? List.<String>of() : strings(weightNames)) {
        Node d = group.getByPath(name);
        if (!(d instanceof Dataset dataset)) {
          throw new UserError(path + ": weight " + layer + "/" + name + " is listed but missing");
        }
        long[] shape = Arrays.stream(dataset.getDimensions()).asLongStream().toArray();
        weights.add(new KerasWeight(layer, name, d.getPath(), shape, position++));
      }
      layers.add(new KerasLayer(layer, List.copyOf(weights)));
    }
    return List.copyOf(layers);
  }

  /** A string-array attribute; an empty array of any type (Keras' empty float array) is none. */
  private static List<String> strings(Attribute a) {
    if (a.isEmpty()) {
      return List.of();
    }
    Object data = a.getData();
    if (data instanceof String s) {
      return List.of(s);
    }
    if (data instanceof String[] s) {
      return List.of(s);
    }
    if (data.getClass().isArray() && java.lang.reflect.Array.getLength(data) == 0) {
      return List.of();
    }
    throw new UserError(
        a.getNode().getFile()
            + ": attribute "
            + a.getName()
            + " of "
            + a.getNode().getPath()
            + " is not a list of names");
  }
}
