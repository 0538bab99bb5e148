package org.tfseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.tensorflow.ConcreteFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TFOutOfRangeException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.data.ParallelMapDataset;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.family.TType;
import org.tfseg.UserError;

/**
 * Decodes, resizes and batches image/mask pairs with tf.data in a Graph and Session of its own (the
 * training graph is separate; fetched batches are fed into it).
 *
 * <p>Graph: {@code tensorSliceDataset(index, imagePath, maskPath) → parallelMapDataset(}{@link
 * SampleMapFunction}{@code ) → batchDataset → prefetchDataset}, read through a named iterator. The
 * sample order of every epoch is computed in Java and fed when the iterator is (re)made, so epoch
 * {@code k} has the same order whether or not epochs {@code 0..k-1} ran (a resumed run sees the
 * same data), and the parallel map keeps that order.
 *
 * <p>Not thread-safe; one epoch at a time: starting an epoch ends the previous one.
 */
public final class InputPipeline implements AutoCloseable {
  private static final AtomicLong INSTANCES = new AtomicLong();
  private static final List<Class<? extends TType>> TYPES =
      List.of(TInt64.class, TFloat32.class, TFloat32.class);

  private final List<SamplePair> samples;
  private final LabelMap labels;
  private final PipelineOptions options;
  private final Shard shard;
  private final Graph graph;
  private final ConcreteFunction mapFunction;
  private final Session session;
  private final Placeholder<TInt64> indexFeed;
  private final Placeholder<TInt64> seedFeed;
  private final Placeholder<TString> imagePathFeed;
  private final Placeholder<TString> maskPathFeed;
  private final Placeholder<TFloat32> allImagesFeed;
  private final Placeholder<TFloat32> allMasksFeed;
  private final Op makeIterator;
  private final List<Output<?>> next;
  private final CacheFill fill;
  private SampleStore store;
  private EpochIterator current;

  /**
   * Checks that every file exists and is readable, then builds the graph.
   *
   * @throws UserError if {@code samples} is empty, a file is missing or unreadable, or {@code
   *     dropRemainder} would leave no batch. Undecodable files and image/mask size mismatches
   *     surface later, from {@link BatchIterator#next()}, as a UserError naming the file.
   */
  public InputPipeline(List<SamplePair> samples, PipelineOptions options) {
    this(samples, options, null);
  }

  /**
   * A pipeline that delivers only this worker's {@link Shard} of every global batch ({@code
   * options.batchSize()} is then the shard's {@link Shard#batchSize()}); null: every sample.
   */
  public InputPipeline(List<SamplePair> samples, PipelineOptions options, Shard shard) {
    this.samples = List.copyOf(samples);
    this.options = options;
    this.shard = shard;
    if (shard != null && (options.dropRemainder() || options.batchSize() != shard.batchSize())) {
      throw new IllegalArgumentException("a sharded pipeline batches its shard, remainder kept");
    }
    if (this.samples.isEmpty()) {
      throw new UserError("the input pipeline got no samples");
    }
    if (options.dropRemainder() && this.samples.size() < options.batchSize()) {
      throw new UserError(
          this.samples.size()
              + " samples make no full batch of "
              + options.batchSize()
              + " (dropRemainder is on)");
    }
    for (SamplePair sample : this.samples) {
      requireReadable(sample.image());
      requireReadable(sample.mask());
    }
    labels = withVoid(commonLabels(this.samples), options.ignoreLabel());
    int h = options.outputHeight();
    int w = options.outputWidth();
    SampleCache cache = options.cache();
    mapFunction =
        switch (cache) {
          case NONE ->
              SampleMapFunction.create(
                  options.height(), options.width(), labels, options.augmentation());
          case MEMORY ->
              SampleMapFunction.fromMemory(
                  options.height(), options.width(), labels, options.augmentation());
          case FILE ->
              SampleMapFunction.fromFiles(
                  options.height(), options.width(), labels, options.augmentation());
        };
    graph = new Graph();
    try {
      Ops tf = Ops.create(graph);
      String name = "tfseg_input_" + INSTANCES.incrementAndGet();
      indexFeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1)));
      seedFeed = tf.placeholder(TInt64.class, Placeholder.shape(Shape.of(-1, 2)));
      imagePathFeed = tf.placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
      maskPathFeed = tf.placeholder(TString.class, Placeholder.shape(Shape.of(-1)));
      int rh = options.height();
      int rw = options.width();
      allImagesFeed = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, rh, rw, 3)));
      allMasksFeed = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, rh, rw, 1)));
      List<Operand<?>> components = new ArrayList<>(List.of(indexFeed, seedFeed));
      List<Shape> componentShapes = new ArrayList<>(List.of(Shape.scalar(), Shape.of(2)));
      if (cache != SampleCache.MEMORY) {
        // the image paths, or for a file cache the cache files
        components.add(imagePathFeed);
        componentShapes.add(Shape.scalar());
      }
      if (cache == SampleCache.NONE) {
        components.add(maskPathFeed);
        componentShapes.add(Shape.scalar());
      }
      Operand<?> slices = tf.data.tensorSliceDataset(components, componentShapes);
      Operand<?> mapped =
          tf.data.parallelMapDataset(
              slices,
              cache == SampleCache.MEMORY ? List.of(allImagesFeed, allMasksFeed) : List.of(),
              tf.constant((long) options.parallelCalls()),
              mapFunction,
              TYPES,
              List.of(
                  Shape.scalar(),
                  SampleMapFunction.imageShape(h, w),
                  SampleMapFunction.maskShape(h, w)),
              ParallelMapDataset.deterministic("true"));
      long n = options.dropRemainder() ? options.batchSize() : Shape.UNKNOWN_SIZE;
      List<Shape> batchShapes = List.of(Shape.of(n), Shape.of(n, h, w, 3), Shape.of(n, h, w, 1));
      Operand<?> dataset =
          tf.data.batchDataset(
              mapped,
              tf.constant((long) options.batchSize()),
              tf.constant(options.dropRemainder()),
              TYPES,
              batchShapes);
      if (options.prefetchBatches() != 0) {
        dataset =
            tf.data.prefetchDataset(
                dataset, tf.constant((long) options.prefetchBatches()), TYPES, batchShapes);
      }
      // A named iterator: an anonymous one loses its state between session runs.
      Operand<?> iterator = tf.data.iterator(name, "", TYPES, batchShapes);
      makeIterator = tf.data.makeIterator(dataset, iterator);
      next = tf.data.iteratorGetNext(iterator, TYPES, batchShapes).components();
      fill =
          cache == SampleCache.NONE
              ? null
              : new CacheFill(tf, this.samples, options, labels, name + "_fill");
      session = new Session(graph);
    } catch (RuntimeException e) {
      graph.close();
      mapFunction.close();
      throw e;
    }
  }

  /** {@code labels} with raw value {@code ignoreLabel} void; grey masks have no void label. */
  private static LabelMap withVoid(LabelMap labels, int ignoreLabel) {
    if (ignoreLabel < 0) {
      return labels;
    }
    if (labels == null) {
      throw new UserError(
          "ignore_label "
              + ignoreLabel
              + " is set, but the data has grey mask targets, not class labels");
    }
    return labels.withVoid(ignoreLabel);
  }

  /** Number of samples. */
  public int size() {
    return samples.size();
  }

  /** Batches per epoch. */
  public int stepsPerEpoch() {
    if (shard != null) {
      return shard.steps(samples.size());
    }
    int n = samples.size();
    int b = options.batchSize();
    return options.dropRemainder() ? n / b : (n + b - 1) / b;
  }

  /**
   * Starts epoch {@code epochIndex} (ending any epoch still open). With shuffling its order is a
   * permutation seeded by (seed, epochIndex); without, the sample list order.
   */
  public BatchIterator epoch(int epochIndex) {
    return epoch(epochIndex, 0);
  }

  /**
   * Epoch {@code epochIndex} from its batch {@code skipBatches} on: the same samples, order and
   * augmentation as the batches an uninterrupted epoch delivers from there (a mid-epoch resume);
   * the skipped samples are not decoded.
   */
  public BatchIterator epoch(int epochIndex, int skipBatches) {
    if (current != null) {
      current.close();
    }
    int[] all = shard == null ? order(epochIndex) : shard.select(order(epochIndex));
    int[] order =
        Arrays.copyOfRange(
            all, Math.min(all.length, skipBatches * options.batchSize()), all.length);
    long[] indices = new long[order.length];
    long[][] seeds = new long[order.length][];
    String[] images = new String[order.length];
    String[] masks = new String[order.length];
    SampleStore cached = cached();
    for (int i = 0; i < order.length; i++) {
      SamplePair sample = samples.get(order[i]);
      indices[i] = order[i];
      seeds[i] = sampleSeed(epochIndex, order[i]);
      images[i] =
          cached != null && options.cache() == SampleCache.FILE
              ? cached.file(order[i]).toString()
              : sample.image().toAbsolutePath().toString();
      masks[i] = sample.mask().toAbsolutePath().toString();
    }
    try (TInt64 indexTensor = TInt64.vectorOf(indices);
        TInt64 seedTensor = TInt64.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(seeds));
        TString imageTensor = TString.vectorOf(images);
        TString maskTensor = TString.vectorOf(masks)) {
      Session.Runner runner =
          session
              .runner()
              .feed(indexFeed, indexTensor)
              .feed(seedFeed, seedTensor)
              .addTarget(makeIterator);
      if (options.cache() == SampleCache.MEMORY) {
        runner.feed(allImagesFeed, cached.images()).feed(allMasksFeed, cached.masks());
      } else {
        runner.feed(imagePathFeed, imageTensor);
        if (options.cache() == SampleCache.NONE) {
          runner.feed(maskPathFeed, maskTensor);
        }
      }
      try (Result ignored = runner.run()) {
        current = new EpochIterator(order, skipBatches);
        return current;
      }
    }
  }

  /**
   * The decoded samples of a cached pipeline, decoding them on the first call (or, for a file cache
   * left by an earlier run of the same samples, finding them on disk); null without a cache.
   */
  private SampleStore cached() {
    if (fill == null || store != null) {
      return store;
    }
    try {
      store =
          options.cache() == SampleCache.MEMORY
              ? SampleStore.memory(samples.size(), options.height(), options.width())
              : SampleStore.files(
                  options.cacheDir(), samples, options.height(), options.width(), labels);
      if (!store.complete()) {
        fill.run(session, store::put);
        store.finish();
      }
      return store;
    } catch (RuntimeException e) { // TF status errors do not share one superclass
      if (store != null) {
        store.close();
        store = null;
      }
      int[] all = order(0);
      Arrays.sort(all);
      throw e instanceof UserError ? e : culprit(e, all, 0);
    }
  }

  /**
   * The Philox key of a sample's augmentation: the pipeline seed and (epoch, sample index) packed
   * in one word, so it is fixed per (seed, epoch, sample) whatever the order or the resume point.
   */
  long[] sampleSeed(int epochIndex, int sampleIndex) {
    return new long[] {options.seed(), ((long) epochIndex << 32) | sampleIndex};
  }

  /** Sample indices in the order of epoch {@code epochIndex}. */
  int[] order(int epochIndex) {
    int[] order = new int[samples.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (options.shuffle()) {
      // Golden-ratio mixing keeps (seed, epoch) pairs apart; SplitMix64 is the same on every JVM.
      SplittableRandom random =
          new SplittableRandom(options.seed() ^ (0x9E3779B97F4A7C15L * (epochIndex + 1L)));
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  @Override
  public void close() {
    if (current != null) {
      current.close();
    }
    if (store != null) {
      store.close();
    }
    if (fill != null) {
      fill.close();
    }
    session.close();
    graph.close();
    mapFunction.close();
  }

  /** The samples' shared label map (null for grey masks); mixed target kinds are an error. */
  private static LabelMap commonLabels(List<SamplePair> samples) {
    LabelMap first = samples.get(0).labels();
    for (SamplePair s : samples) {
      if (!java.util.Objects.equals(s.labels(), first)) {
        throw new UserError(
            s.mask()
                + ": its target kind or label mapping differs from that of "
                + samples.get(0).mask()
                + " (one pipeline takes one kind)");
      }
    }
    return first;
  }

  private static void requireReadable(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": file not found");
    }
    if (!Files.isReadable(file)) {
      throw new UserError(file + ": file not readable");
    }
  }

  /** Names the file behind a tf.data error by decoding the epoch's remaining samples one by one. */
  private RuntimeException culprit(RuntimeException error, int[] order, int firstUndelivered) {
    try (DecodeCheck check = new DecodeCheck(labels)) {
      for (int k = 0; k < order.length; k++) {
        int position = (firstUndelivered + k) % order.length;
        Optional<String> problem = check.problem(samples.get(order[position]));
        if (problem.isPresent()) {
          return new UserError(problem.get(), error);
        }
      }
    }
    return error;
  }

  private final class EpochIterator implements BatchIterator {
    private final int[] order;
    private final int skipped;
    private int delivered;
    private boolean closed;

    /**
     * @param skipped batches of the epoch before {@code order}'s first sample
     */
    EpochIterator(int[] order, int skipped) {
      this.order = order;
      this.skipped = skipped;
      this.delivered = skipped;
    }

    @Override
    public boolean hasNext() {
      return !closed && delivered < stepsPerEpoch();
    }

    @Override
    public Batch next() {
      if (!hasNext()) {
        throw new NoSuchElementException("the epoch is over, was closed or was superseded");
      }
      Session.Runner runner = session.runner();
      next.forEach(runner::fetch);
      Result result;
      try {
        result = runner.run();
      } catch (TFOutOfRangeException e) {
        throw new IllegalStateException(
            "tf.data ended the epoch after " + delivered + " of " + stepsPerEpoch() + " batches",
            e);
      } catch (RuntimeException e) { // TF status errors do not share one superclass
        closed = true;
        throw culprit(e, order, (delivered - skipped) * options.batchSize());
      }
      try {
        TInt64 indices = (TInt64) result.get(0);
        List<String> ids = new ArrayList<>((int) indices.size());
        boolean padding = // an empty shard of the last batch: its one row is no sample
            shard != null
                && delivered == stepsPerEpoch() - 1
                && shard.padsLastBatch(samples.size());
        for (long i = 0; i < indices.size() && !padding; i++) {
          ids.add(samples.get((int) indices.getLong(i)).id());
        }
        delivered++;
        return new Batch(result, (TFloat32) result.get(1), (TFloat32) result.get(2), ids);
      } catch (RuntimeException e) {
        result.close();
        throw e;
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
