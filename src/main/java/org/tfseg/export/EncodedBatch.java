package org.tfseg.export;

import java.util.List;
import java.util.function.Function;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Signature;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.data.ParallelMapDataset;
import org.tensorflow.op.image.DecodeImage;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tensorflow.types.family.TType;

/**
 * The batch image-bytes path: {@code [N]} encoded images → {@code mask} float32 {@code [N, hmax,
 * wmax, C]} (each image's mask at its own size, zero-padded at the bottom and right to the largest
 * in the batch) and {@code size} int32 {@code [N, 2]} (each image's height and width).
 *
 * <p>Decode ops take one image at a time and masks of different sizes cannot be stacked, so both
 * per-image steps are tf.data maps inside the graph: {@code tensorSliceDataset → parallelMapDataset
 * (decode, resize to H×W) → batch → datasetToSingleElement}, the model on the stacked batch, then
 * {@code tensorSliceDataset(probabilities, sizes) → parallelMapDataset (resize back) →
 * paddedBatchDataset → datasetToSingleElement}. Each run builds fresh datasets: the signature is
 * stateless, so TF Serving (or several threads) can call it concurrently. The per-image ops are the
 * ones of the scalar signature, so a batch's masks equal the images' single-image masks.
 */
final class EncodedBatch implements AutoCloseable {
  final Placeholder<TString> input;
  final Operand<TFloat32> mask;
  final Operand<TInt32> size;
  private final ConcreteFunction decode;
  private final ConcreteFunction resizeBack;

  /**
   * @param model the inference tower on an {@code [N, height, width, channels]} float batch
   */
  EncodedBatch(
      Ops tf,
      int height,
      int width,
      int channels,
      int classes,
      Function<Operand<TFloat32>, Operand<TFloat32>> model) {
    input =
        tf.withName(ServingSignatures.BATCH_BYTES_INPUT)
            .placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
    Ops bt = tf.withSubScope("bytes_batch");
    decode = decodeFunction(height, width, channels);
    resizeBack = resizeBackFunction(classes);
    Operand<TInt64> n = bt.math.maximum(bt.size(input, TInt64.class), bt.constant(1L));
    Shape imageShape = Shape.of(height, width, channels);
    Operand<?> images =
        bt.data.parallelMapDataset(
            bt.data.tensorSliceDataset(List.of(input), List.of(Shape.scalar())),
            List.of(),
            bt.constant(-1L),
            decode,
            List.of(TFloat32.class, TInt32.class),
            List.of(imageShape, Shape.of(2)),
            ParallelMapDataset.deterministic("true"));
    List<Class<? extends TType>> types = List.of(TFloat32.class, TInt32.class);
    List<Shape> batchShapes = List.of(Shape.of(-1, height, width, channels), Shape.of(-1, 2));
    Operand<?> batched = bt.data.batchDataset(images, n, bt.constant(false), types, batchShapes);
    var decoded = bt.data.datasetToSingleElement(batched, types, batchShapes).components();
    @SuppressWarnings("unchecked")
    Operand<TFloat32> x = (Operand<TFloat32>) decoded.get(0);
    @SuppressWarnings("unchecked")
    Operand<TInt32> sizes = (Operand<TInt32>) decoded.get(1);
    Operand<TFloat32> p = model.apply(x);

    Shape maskShape = Shape.of(-1, -1, classes);
    Operand<?> masks =
        bt.data.parallelMapDataset(
            bt.data.tensorSliceDataset(
                List.of(p, sizes), List.of(Shape.of(height, width, classes), Shape.of(2))),
            List.of(),
            bt.constant(-1L),
            resizeBack,
            types,
            List.of(maskShape, Shape.of(2)),
            ParallelMapDataset.deterministic("true"));
    List<Shape> paddedShapes = List.of(Shape.of(-1, -1, -1, classes), Shape.of(-1, 2));
    Operand<?> padded =
        bt.data.paddedBatchDataset(
            masks,
            n,
            List.of(bt.constant(new long[] {-1, -1, classes}), bt.constant(new long[] {2})),
            List.of(bt.constant(0f), bt.constant(0)),
            bt.constant(false),
            paddedShapes);
    var out = bt.data.datasetToSingleElement(padded, types, paddedShapes).components();
    @SuppressWarnings("unchecked")
    Operand<TFloat32> m = (Operand<TFloat32>) out.get(0);
    @SuppressWarnings("unchecked")
    Operand<TInt32> s = (Operand<TInt32>) out.get(1);
    mask = tf.withName(ServingSignatures.BATCH_MASK).identity(m);
    size = tf.withName(ServingSignatures.BATCH_SIZE).identity(s);
  }

  /** One encoded image → the model's input {@code [H, W, C]} in [0, 1] and its size {@code [2]}. */
  private static ConcreteFunction decodeFunction(int height, int width, int channels) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TString> bytes = tf.placeholder(TString.class);
          Operand<TUint8> decoded = decodeImage(tf, bytes, channels);
          Operand<TInt32> size = heightWidth(tf, decoded);
          Operand<TFloat32> x = toModelInput(tf, decoded, height, width, channels);
          return Signature.builder()
              .input("bytes", bytes)
              .output("image", tf.reshape(x, tf.constant(new int[] {height, width, channels})))
              .output("size", tf.identity(size))
              .build();
        });
  }

  /** One image's probabilities {@code [H, W, C]} → {@code [h, w, C]} at its size, and the size. */
  private static ConcreteFunction resizeBackFunction(int classes) {
    return ConcreteFunction.create(
        tf -> {
          Operand<TFloat32> p = tf.placeholder(TFloat32.class);
          Operand<TInt32> size = tf.placeholder(TInt32.class);
          Operand<TFloat32> back =
              tf.squeeze(
                  tf.image.resizeBilinear(
                      tf.expandDims(p, tf.constant(0)),
                      size,
                      ResizeBilinear.halfPixelCenters(true)),
                  Squeeze.axis(List.of(0L)));
          return Signature.builder()
              .input("probabilities", p)
              .input("size", size)
              .output("mask", back)
              .output("size_out", tf.identity(size))
              .build();
        });
  }

  /** {@code tf.io.decode_image} with {@code channels} channels, first frame of a GIF. */
  static Operand<TUint8> decodeImage(Ops tf, Operand<TString> bytes, int channels) {
    return tf.image.decodeImage(
        bytes,
        new DecodeImage.Options[] {
          DecodeImage.channels((long) channels), DecodeImage.expandAnimations(false)
        });
  }

  /** The decoded image's {@code [height, width]}. */
  static Operand<TInt32> heightWidth(Ops tf, Operand<TUint8> hwc) {
    return tf.slice(tf.shape(hwc), tf.constant(new int[] {0}), tf.constant(new int[] {2}));
  }

  /** {@code [h, w, C]} uint8 → {@code [1, H, W, C]} float in [0, 1], resized bilinearly. */
  static Operand<TFloat32> toModelInput(
      Ops tf, Operand<TUint8> decoded, int height, int width, int channels) {
    Operand<TFloat32> x = tf.math.div(tf.dtypes.cast(decoded, TFloat32.class), tf.constant(255f));
    x =
        tf.image.resizeBilinear(
            tf.expandDims(x, tf.constant(0)),
            tf.constant(new int[] {height, width}),
            ResizeBilinear.halfPixelCenters(true));
    return tf.reshape(x, tf.constant(new int[] {1, height, width, channels}));
  }

  @Override
  public void close() {
    decode.close();
    resizeBack.close();
  }
}
