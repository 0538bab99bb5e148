package org.tfseg.data;

import java.util.List;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.op.io.DecodeRaw;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;

/**
 * The per-sample tf.data maps. Decoding: {@code (imagePath, maskPath) → (image [H,W,3], mask
 * [H,W,1])}, reading, decoding and resizing one pair; a pair whose image and mask differ in size
 * fails (resizing both would silently misalign them). Resizing is {@code tf.image.resize} bilinear
 * (half-pixel centres, no corner alignment, no antialiasing), then the {@link Augmentation}
 * (training only) with stateless random ops keyed by the per-sample {@code seed} input.
 *
 * <p>Without a cache one function does both ({@link #create}); with one, the decoded pairs are
 * produced once by {@link #decode} and each epoch augments them from memory ({@link #fromMemory})
 * or from their raw cache files ({@link #fromFiles}). The ops are the same, so the batches are too.
 */
final class SampleMapFunction {
  static final String INDEX = "index";
  static final String SEED = "seed";
  static final String IMAGE_PATH = "image_path";
  static final String MASK_PATH = "mask_path";
  static final String CACHE_PATH = "cache_path";
  static final String ALL_IMAGES = "all_images";
  static final String ALL_MASKS = "all_masks";
  static final String IMAGE = "image";
  static final String MASK = "mask";

  private SampleMapFunction() {}

  /**
   * {@code (index, seed, imagePath, maskPath) → (index, image, mask)}, decoded and augmented. With
   * {@code labels} non-null the targets are class labels through that map, resized with nearest
   * neighbour (interpolating class indices would invent classes); else grey masks.
   */
  static ConcreteFunction create(
      int height, int width, LabelMap labels, Augmentation augmentation) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TInt64> index = tf.placeholder(TInt64.class);
          Operand<TInt64> seed = tf.placeholder(TInt64.class);
          Operand<TString> imagePath = tf.placeholder(TString.class);
          Operand<TString> maskPath = tf.placeholder(TString.class);
          List<Operand<TFloat32>> pair = decoded(tf, imagePath, maskPath, height, width, labels);
          return augmented(tf, index, seed, pair, height, width, labels, augmentation)
              .input(INDEX, index)
              .input(SEED, seed)
              .input(IMAGE_PATH, imagePath)
              .input(MASK_PATH, maskPath)
              .build();
        });
  }

  /** {@code (index, imagePath, maskPath) → (index, image, mask)}, decoded only. */
  static ConcreteFunction decode(int height, int width, LabelMap labels) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TInt64> index = tf.placeholder(TInt64.class);
          Operand<TString> imagePath = tf.placeholder(TString.class);
          Operand<TString> maskPath = tf.placeholder(TString.class);
          List<Operand<TFloat32>> pair = decoded(tf, imagePath, maskPath, height, width, labels);
          return Signature.builder()
              .input(INDEX, index)
              .input(IMAGE_PATH, imagePath)
              .input(MASK_PATH, maskPath)
              .output(INDEX, tf.identity(index))
              .output(IMAGE, pair.get(0))
              .output(MASK, pair.get(1))
              .build();
        });
  }

  /**
   * {@code (index, seed, allImages [N,H,W,3], allMasks [N,H,W,1]) → (index, image, mask)}: sample
   * {@code index} of the in-memory cache, augmented.
   */
  static ConcreteFunction fromMemory(
      int height, int width, LabelMap labels, Augmentation augmentation) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TInt64> index = tf.placeholder(TInt64.class);
          Operand<TInt64> seed = tf.placeholder(TInt64.class);
          Operand<TFloat32> images =
              tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 3)));
          Operand<TFloat32> masks =
              tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 1)));
          List<Operand<TFloat32>> pair =
              List.of(
                  tf.gather(images, index, tf.constant(0)),
                  tf.gather(masks, index, tf.constant(0)));
          return augmented(tf, index, seed, pair, height, width, labels, augmentation)
              .input(INDEX, index)
              .input(SEED, seed)
              .input(ALL_IMAGES, images)
              .input(ALL_MASKS, masks)
              .build();
        });
  }

  /**
   * {@code (index, seed, cachePath) → (index, image, mask)}: a sample's cache file (raw
   * little-endian float32, image then mask), augmented.
   */
  static ConcreteFunction fromFiles(
      int height, int width, LabelMap labels, Augmentation augmentation) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TInt64> index = tf.placeholder(TInt64.class);
          Operand<TInt64> seed = tf.placeholder(TInt64.class);
          Operand<TString> path = tf.placeholder(TString.class);
          Operand<TFloat32> raw =
              tf.io.decodeRaw(tf.io.readFile(path), TFloat32.class, DecodeRaw.littleEndian(true));
          int pixels = height * width;
          Operand<TFloat32> image =
              tf.reshape(
                  tf.slice(raw, tf.constant(new int[] {0}), tf.constant(new int[] {3 * pixels})),
                  tf.constant(new int[] {height, width, 3}));
          Operand<TFloat32> mask =
              tf.reshape(
                  tf.slice(
                      raw, tf.constant(new int[] {3 * pixels}), tf.constant(new int[] {pixels})),
                  tf.constant(new int[] {height, width, 1}));
          return augmented(
                  tf, index, seed, List.of(image, mask), height, width, labels, augmentation)
              .input(INDEX, index)
              .input(SEED, seed)
              .input(CACHE_PATH, path)
              .build();
        });
  }

  static Shape imageShape(int height, int width) {
    return Shape.of(height, width, 3);
  }

  static Shape maskShape(int height, int width) {
    return Shape.of(height, width, 1);
  }

  private static List<Operand<TFloat32>> decoded(
      Ops tf,
      Operand<TString> imagePath,
      Operand<TString> maskPath,
      int height,
      int width,
      LabelMap labels) {
    Operand<TFloat32> decodedImage = SampleDecoding.image(tf, tf.io.readFile(imagePath));
    Operand<TFloat32> decodedMask =
        labels == null
            ? SampleDecoding.mask(tf, tf.io.readFile(maskPath))
            : SampleDecoding.labels(tf, tf.io.readFile(maskPath), labels);
    Ops checked = tf.withControlDependencies(sameSize(tf, decodedImage, decodedMask));
    Operand<TFloat32> image = resize(checked, decodedImage, height, width, 3);
    Operand<TFloat32> mask =
        labels == null
            ? resize(checked, decodedMask, height, width, 1)
            : resizeNearest(checked, decodedMask, height, width);
    return List.of(image, mask);
  }

  /** The outputs {@code (index, image, mask)} after the augmentation, inputs still to add. */
  private static Signature.Builder augmented(
      Ops tf,
      Operand<TInt64> index,
      Operand<TInt64> seed,
      List<Operand<TFloat32>> pair,
      int height,
      int width,
      LabelMap labels,
      Augmentation augmentation) {
    Operand<TFloat32> image = pair.get(0);
    Operand<TFloat32> mask = pair.get(1);
    if (!augmentation.isNone()) {
      List<Operand<TFloat32>> out =
          AugmentOps.apply(tf, augmentation, image, mask, seed, height, width, labels);
      image = out.get(0);
      mask = out.get(1);
    }
    return Signature.builder()
        .output(INDEX, tf.identity(index))
        .output(IMAGE, image)
        .output(MASK, mask);
  }

  /** Fails the sample when image and mask differ in size (a transposed mask, a wrong file). */
  private static Op sameSize(Ops tf, Operand<TFloat32> image, Operand<TFloat32> mask) {
    Operand<TInt32> imageSize = heightWidth(tf, image);
    Operand<TInt32> maskSize = heightWidth(tf, mask);
    return tf.assertThat(
        tf.reduceAll(tf.math.equal(imageSize, maskSize), tf.constant(0)),
        List.of(tf.constant("image and mask sizes differ:"), imageSize, maskSize));
  }

  private static Operand<TInt32> heightWidth(Ops tf, Operand<TFloat32> hwc) {
    return tf.slice(tf.shape(hwc), tf.constant(new int[] {0}), tf.constant(new int[] {2}));
  }

  private static Operand<TFloat32> resize(
      Ops tf, Operand<TFloat32> hwc, int height, int width, int channels) {
    Operand<TFloat32> resized =
        tf.image.resizeBilinear(
            tf.expandDims(hwc, tf.constant(0)),
            tf.constant(new int[] {height, width}),
            ResizeBilinear.halfPixelCenters(true),
            ResizeBilinear.alignCorners(false));
    return tf.reshape(resized, tf.constant(new int[] {height, width, channels}));
  }

  /** {@code tf.image.resize(method="nearest")}: half-pixel centres, no corner alignment. */
  private static Operand<TFloat32> resizeNearest(
      Ops tf, Operand<TFloat32> hw1, int height, int width) {
    Operand<TFloat32> resized =
        tf.image.resizeNearestNeighbor(
            tf.expandDims(hw1, tf.constant(0)),
            tf.constant(new int[] {height, width}),
            ResizeNearestNeighbor.halfPixelCenters(true),
            ResizeNearestNeighbor.alignCorners(false));
    return tf.reshape(resized, tf.constant(new int[] {height, width, 1}));
  }
}
