package org.tfseg.callback;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.graph.Tensors;

/**
 * A fixed set of images with their masks, as the model sees them: {@code [n, height, width,
 * channels]} images in [0, 1] and {@code [n, height, width, 1]} masks (grey in [0, 1] or class
 * labels), both flattened row-major.
 */
public record ImageSamples(
    float[] images, float[] masks, int count, int height, int width, int channels) {

  /**
   * The first {@code count} samples of {@code pipeline}'s first epoch (fewer if it is smaller), at
   * the pipeline's {@code height × width} with {@code channels} image channels.
   */
  public static ImageSamples read(
      InputPipeline pipeline, int count, int height, int width, int channels) {
    List<float[]> images = new ArrayList<>();
    List<float[]> masks = new ArrayList<>();
    int n = 0;
    try (BatchIterator it = pipeline.epoch(0)) {
      while (n < count && it.hasNext()) {
        try (Batch b = it.next()) {
          int take = Math.min(b.size(), count - n);
          images.add(Arrays.copyOf(Tensors.floats(b.images()), take * height * width * channels));
          masks.add(Arrays.copyOf(Tensors.floats(b.masks()), take * height * width));
          n += take;
        }
      }
    }
    return new ImageSamples(concat(images), concat(masks), n, height, width, channels);
  }

  private static float[] concat(List<float[]> parts) {
    float[] all = new float[parts.stream().mapToInt(p -> p.length).sum()];
    int at = 0;
    for (float[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
