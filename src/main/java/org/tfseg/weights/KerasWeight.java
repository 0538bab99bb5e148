package org.tfseg.weights;

/**
 * One weight tensor of a Keras weights file.
 *
 * @param layer the layer group, e.g. {@code Conv1}
 * @param name the entry of the layer's {@code weight_names}, e.g. {@code Conv1/kernel:0}
 * @param datasetPath where the values are: the layer group, then {@code name} (its {@code /} nest
 *     groups)
 * @param shape dataset dimensions (HWIO for kernels)
 * @param position index among all weights of the file, in file order
 */
public record KerasWeight(
    String layer, String name, String datasetPath, long[] shape, int position) {
  /** The Keras weight name without path and {@code :0} suffix, e.g. {@code kernel}. */
  public String leaf() {
    String leaf = name.substring(name.lastIndexOf('/') + 1);
    int colon = leaf.lastIndexOf(':');
    return colon < 0 ? leaf : leaf.substring(0, colon);
  }

  long size() {
    long n = 1;
    for (long d : shape) {
      n *= d;
    }
    return n;
  }
}
