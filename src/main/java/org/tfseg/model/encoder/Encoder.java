package org.tfseg.model.encoder;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;

/**
 * A classification backbone used as a segmentation encoder (the SMP/timm contract): from images in
 * [0, 1] it returns one feature per output stride, shallowest first. Its weights are named {@code
 * <scope>/<keras layer>/<keras weight>}, so a Keras weights file maps one to one and {@code
 * VariableStore.freeze(scope)} freezes exactly the encoder.
 */
public interface Encoder {
  /** Registry name, e.g. {@code mobilenet_v2}. */
  String name();

  /** Variable-name prefix of every weight ("" for none). */
  String scope();

  Preprocessing preprocessing();

  List<FeatureSpec> featureSpecs();

  /** File name of the official Keras ImageNet weights (without the top), if there are any. */
  Optional<String> weightsFile();

  /**
   * Applies {@link #preprocessing()} and builds the backbone up to its deepest feature. Called once
   * per tower with the same scope, so towers share the encoder's weights.
   */
  List<Feature> features(Layers layers, Operand<TFloat32> images01);

  /** {@code scope/layer}, or {@code layer} when the scope is empty. */
  static String scoped(String scope, String layer) {
    return scope.isEmpty() ? layer : scope + "/" + layer;
  }
}
