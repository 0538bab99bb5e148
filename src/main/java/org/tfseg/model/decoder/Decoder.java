package org.tfseg.model.decoder;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.model.encoder.Feature;

/**
 * A U-Net decoder over an encoder's features (shallowest first, each half the resolution of the one
 * before, the last the deepest): it upsamples back to the input resolution, fusing the skips, and
 * returns logits with {@code numClasses} channels. It relies only on the features' channels and
 * strides, so any decoder sits on any encoder (the SMP contract).
 */
public interface Decoder {
  Operand<TFloat32> decode(Layers layers, List<Feature> features, int numClasses);
}
