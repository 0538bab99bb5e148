package org.tfseg.data;

import java.util.List;
import java.util.function.Consumer;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.data.ParallelMapDataset;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;

/**
 * The one decoding pass that fills a {@link SampleCache}: every sample in index order through
 * {@link SampleMapFunction#decode} (the same decode and resize ops as an uncached epoch), batched,
 * read through a named iterator of the pipeline's graph.
 */
final class CacheFill implements AutoCloseable {
  private static final List<Class<? extends TType>> TYPES =
      List.of(TInt64.class, TFloat32.class, TFloat32.class);

  private final ConcreteFunction decode;
  private final Op makeIterator;
  private final List<Output<?>> next;

  CacheFill(
      Ops tf, List<SamplePair> samples, PipelineOptions options, LabelMap labels, String name) {
    int h = options.height();
    int w = options.width();
    decode = SampleMapFunction.decode(h, w, labels);
    long[] indices = new long[samples.size()];
    String[] images = new String[samples.size()];
    String[] masks = new String[samples.size()];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = i;
      images[i] = samples.get(i).image().toAbsolutePath().toString();
      masks[i] = samples.get(i).mask().toAbsolutePath().toString();
    }
    Operand<?> slices;
    try (TString imageTensor = TString.vectorOf(images);
        TString maskTensor = TString.vectorOf(masks)) {
      slices =
          tf.data.tensorSliceDataset(
              List.of(tf.constant(indices), tf.constant(imageTensor), tf.constant(maskTensor)),
              List.of(Shape.scalar(), Shape.scalar(), Shape.scalar()));
    }
    Operand<?> mapped =
        tf.data.parallelMapDataset(
            slices,
            List.of(),
            tf.constant((long) options.parallelCalls()),
            decode,
            TYPES,
            List.of(
                Shape.scalar(),
                SampleMapFunction.imageShape(h, w),
                SampleMapFunction.maskShape(h, w)),
            ParallelMapDataset.deterministic("true"));
    List<Shape> shapes = List.of(Shape.of(-1), Shape.of(-1, h, w, 3), Shape.of(-1, h, w, 1));
    Operand<?> batched =
        tf.data.batchDataset(
            mapped, tf.constant((long) options.batchSize()), tf.constant(false), TYPES, shapes);
    Operand<?> iterator = tf.data.iterator(name, "", TYPES, shapes);
    makeIterator = tf.data.makeIterator(batched, iterator);
    next = tf.data.iteratorGetNext(iterator, TYPES, shapes).components();
  }

  /**
   * Decodes every sample, handing each batch (index order, {@code images [n,H,W,3]}, {@code masks
   * [n,H,W,1]}) to {@code sink}; the batch is closed afterwards.
   */
  void run(Session session, Consumer<Batch> sink) {
    session.runner().addTarget(makeIterator).run();
    while (true) {
      Session.Runner runner = session.runner();
      next.forEach(runner::fetch);
      Result result;
      try {
        result = runner.run();
      } catch (TFOutOfRangeException e) {
        return;
      }
      try (Batch b =
          new Batch(result, (TFloat32) result.get(1), (TFloat32) result.get(2), List.of())) {
        sink.accept(b);
      }
    }
  }

  @Override
  public void close() {
    decode.close();
  }
}
