package org.tfseg.weights;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import io.jhdf.exceptions.HdfInvalidPathException;
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
 * the alphabetical group listing. Opening checks the file is complete ({@link Hdf5Completeness});
 * values are read on demand. Any failure of jHDF is a one-line {@link DamagedFileError}.
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
   * @throws DamagedFileError if it is truncated or damaged
   */
  public static KerasWeightsFile open(Path path) {
    if (!Files.isRegularFile(path)) {
      throw new UserError(path + ": weights file not found");
    }
    Hdf5Superblock superblock = Hdf5Completeness.requireSuperblock(path);
    HdfFile hdf;
    try {
      hdf = new HdfFile(path);
    } catch (RuntimeException e) {
      throw DamagedFileError.unreadable(path, "its HDF5 superblock or root group", e);
    }
    try {
      Hdf5Completeness.requireData(path, hdf, superblock);
      return new KerasWeightsFile(path, hdf, readLayers(path, hdf));
    } catch (RuntimeException e) {
      hdf.close();
      throw e instanceof UserError u ? u : DamagedFileError.unreadable(path, "the layer list", e);
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
    Object data;
    try {
      data = ((Dataset) node).getDataFlat();
    } catch (RuntimeException e) {
      throw DamagedFileError.unreadable(path, "weight " + w.datasetPath(), e);
    }
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
      KerasLayer read;
      try {
        read = readLayer(path, group, layer, position);
      } catch (UserError e) {
        throw e;
      } catch (RuntimeException e) {
        throw DamagedFileError.unreadable(path, "layer " + layer, e);
      }
      layers.add(read);
      position += read.weights().size();
    }
    return List.copyOf(layers);
  }

  private static KerasLayer readLayer(Path path, Group group, String layer, int position) {
    Attribute weightNames = group.getAttribute("weight_names");
    List<KerasWeight> weights = new ArrayList<>();
    for (String name : weightNames == null ? List.<String>of() : strings(weightNames)) {
      Node d;
      try {
        d = group.getByPath(name);
      } catch (HdfInvalidPathException e) {
        d = null;
      }
      if (!(d instanceof Dataset dataset)) {
        throw new UserError(path + ": weight " + layer + "/" + name + " is listed but missing");
      }
      long[] shape = Arrays.stream(dataset.getDimensions()).asLongStream().toArray();
      weights.add(new KerasWeight(layer, name, d.getPath(), shape, position++));
    }
    return new KerasLayer(layer, List.copyOf(weights));
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
