package org.tfseg.train.distribute;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.SegmentationModel;
import org.tfseg.optim.Adam;
import org.tfseg.optim.Sgd;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.Replication;
import org.tfseg.train.StepResult;
import org.tfseg.train.TrainingGraph;

/**
 * In-process replicas train, step for step, the model of one tower at the whole batch: 2 replicas
 * with synchronised BatchNorm match within 1e-5 relative (losses, metric statistics, every final
 * variable including the moving statistics), also on uneven batches — a last batch of 3 (2 + 1
 * rows) and of 1 (the second replica gets a padding row); without BatchNorm the default
 * (per-replica statistics) matches too. With per-replica BatchNorm they train a measurably
 * different model (each replica normalises with its own half of the batch). A replicated run is
 * bit-identical when repeated.
 *
 * <p>The model's convolutions before a BatchNorm have no bias: such a bias has a zero gradient in
 * exact arithmetic (BatchNorm removes any per-channel shift), so its float32 gradient is rounding
 * noise, which Adam scales to full learning-rate steps — its value would be noise in either run
 * (the seed U-Net's pre-BN biases differ by 25% between two summation orders for that reason). The
 * BatchNorm runs use SGD with momentum: synchronised BatchNorm computes its statistics with its own
 * two-pass formula, not TF's fused kernel, and Adam's per-element normalisation turns the rounding
 * difference of near-zero gradient elements into weight differences of 3.7e-5 (SGD: 4.8e-6); the
 * run without BatchNorm uses Adam.
 */
class InProcessReplicasTest {
  private static final int SIZE = 32;
  private static final int[] BATCHES = {4, 4, 3, 4, 1};

  @Test
  void replicasWithSyncBatchNormMatchOneTowerAtTheWholeBatch() {
    Run reference = train(null, true, false);
    Run sync = train(ReplicatedTraining.local(Arrays.asList(null, null), true), true, false);
    Deviation d = sync.deviation(reference);
    System.out.println("2 in-process replicas, sync BN vs 1 tower: " + d);
    assertTrue(d.loss() < 1e-5, d.toString());
    assertTrue(d.statistics() < 1e-5, d.toString());
    assertTrue(d.weights() < 1e-5, d.toString());
    assertEquals(reference.samples, sync.samples);

    Run again = train(ReplicatedTraining.local(Arrays.asList(null, null), true), true, false);
    assertEquals(sync.losses, again.losses, "a replicated run repeats bit for bit");
    for (int i = 0; i < sync.weights.size(); i++) {
      assertArrayEquals(sync.weights.get(i), again.weights.get(i), "variable " + i);
    }

    Run virtual = train(ReplicatedTraining.local(List.of("/cpu:0", "/cpu:1"), true), true, false);
    Deviation v = virtual.deviation(reference);
    System.out.println("2 replicas on /cpu:0, /cpu:1, sync BN vs 1 tower: " + v);
    assertTrue(v.loss() < 1e-5 && v.weights() < 1e-5, v.toString());

    Run local = train(ReplicatedTraining.local(Arrays.asList(null, null), false), true, false);
    Deviation p = local.deviation(reference);
    System.out.println("2 in-process replicas, per-replica BN vs 1 tower: " + p);
    assertTrue(p.loss() > 1e-4, "per-replica statistics differ from the whole batch's: " + p);
  }

  @Test
  void withoutBatchNormTheDefaultReplicasMatchOneTower() {
    Run reference = train(null, false, false);
    Run replicas = train(ReplicatedTraining.local(Arrays.asList(null, null), false), false, false);
    Deviation d = replicas.deviation(reference);
    System.out.println("2 in-process replicas, no BN vs 1 tower: " + d);
    assertTrue(d.loss() < 1e-5 && d.statistics() < 1e-5 && d.weights() < 1e-5, d.toString());
  }

  /**
   * {@code training.gradient_checkpointing} (forward recomputed in the backward pass) trains the
   * same model, in one tower and in replicas with synchronised BatchNorm.
   */
  @Test
  void gradientCheckpointingTrainsTheSameModel() {
    Run reference = train(null, true, false);
    Run recomputed = train(null, true, true);
    Deviation d = recomputed.deviation(reference);
    System.out.println("1 tower, gradient checkpointing vs stored activations: " + d);
    assertTrue(d.loss() < 1e-5 && d.statistics() < 1e-5 && d.weights() < 1e-5, d.toString());
    Run sync = train(ReplicatedTraining.local(Arrays.asList(null, null), true), true, true);
    Deviation s = sync.deviation(reference);
    System.out.println("2 replicas, sync BN, gradient checkpointing vs 1 tower: " + s);
    assertTrue(s.loss() < 1e-5 && s.statistics() < 1e-5 && s.weights() < 1e-5, s.toString());
  }

  /** Conv (no bias) + BN + ReLU, 2×2 pool, the same, upsample, skip concat, 1×1 head. */
  private record TinyNet(boolean batchNorm) implements SegmentationModel {
    @Override
    public String architecture() {
      return "tiny";
    }

    @Override
    public int numClasses() {
      return 1;
    }

    @Override
    public int sizeMultiple() {
      return 2;
    }

    @Override
    public int inputChannels() {
      return 3;
    }

    @Override
    public List<Operand<TFloat32>> build(Layers l, Operand<TFloat32> images) {
      Operand<TFloat32> skip = block(l, "enc", images, 8);
      Operand<TFloat32> x = block(l, "mid", l.maxPool("pool", skip, 2), 16);
      x = l.concat("concat", List.of(l.upsampleBilinear("up", x, 2), skip));
      return List.of(l.conv2d("head", block(l, "dec", x, 8), ConvSpec.of(1, 1)));
    }

    private Operand<TFloat32> block(Layers l, String name, Operand<TFloat32> x, int filters) {
      if (!batchNorm) {
        return l.relu(name + "/relu", l.conv2d(name + "/conv", x, ConvSpec.of(filters, 3)));
      }
      x = l.conv2d(name + "/conv", x, ConvSpec.of(filters, 3).noBias());
      return l.relu(name + "/relu", l.batchNorm(name + "/bn", x));
    }
  }

  private record Run(
      List<Double> losses, List<double[]> stats, List<Integer> samples, List<float[]> weights) {
    Deviation deviation(Run ref) {
      double loss = 0;
      double stat = 0;
      for (int i = 0; i < losses.size(); i++) {
        loss = Math.max(loss, rel(losses.get(i), ref.losses.get(i)));
        for (int j = 0; j < stats.get(i).length; j++) {
          stat = Math.max(stat, rel(stats.get(i)[j], ref.stats.get(i)[j]));
        }
      }
      double w = 0;
      for (int i = 0; i < weights.size(); i++) {
        w = Math.max(w, tensorRel(weights.get(i), ref.weights.get(i)));
      }
      return new Deviation(loss, stat, w);
    }
  }

  /** Largest relative deviations: per-step loss, per-step metric statistic, per-tensor weights. */
  record Deviation(double loss, double statistics, double weights) {
    @Override
    public String toString() {
      return String.format(
          "loss %.2e, metric statistics %.2e, weights (max|d|/max|ref| per tensor) %.2e",
          loss, statistics, weights);
    }
  }

  static double rel(double a, double b) {
    return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
  }

  static double tensorRel(float[] a, float[] b) {
    double d = 0;
    double m = 0;
    for (int i = 0; i < a.length; i++) {
      d = Math.max(d, Math.abs((double) a[i] - b[i]));
      m = Math.max(m, Math.abs(b[i]));
    }
    return d / Math.max(m, 1e-30);
  }

  private static Run train(Replication replication, boolean batchNorm, boolean checkpointing) {
    ModelSpec spec =
        ModelSpec.builder(
                new TinyNet(batchNorm),
                SIZE,
                SIZE,
                3,
                new BinaryCrossEntropy(),
                batchNorm
                    ? tf -> new Sgd(tf, 0.1, 0.9, false)
                    : tf -> new Adam(tf, 1e-2, 0.9, 0.999, 1e-7),
                List.of(new Precision(0.5)),
                1)
            .gradientCheckpointing(checkpointing)
            .build();
    List<Double> losses = new ArrayList<>();
    List<double[]> stats = new ArrayList<>();
    List<Integer> samples = new ArrayList<>();
    try (TrainingGraph g = new TrainingGraph(spec, replication)) {
      for (int step = 0; step < BATCHES.length; step++) {
        int n = BATCHES[step];
        try (TFloat32 x =
                Tensors.of(Shape.of(n, SIZE, SIZE, 3), data(step, n * SIZE * SIZE * 3, false));
            TFloat32 y =
                Tensors.of(Shape.of(n, SIZE, SIZE, 1), data(step, n * SIZE * SIZE, true))) {
          StepResult r = g.train(x, y);
          losses.add(r.loss());
          stats.add(r.statistics()[0]);
          samples.add(r.batchSize());
        }
      }
      return new Run(losses, stats, samples, g.weights());
    }
  }

  private static float[] data(int step, int n, boolean mask) {
    SplittableRandom r = new SplittableRandom(step * 31L + (mask ? 7 : 0));
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = mask ? (r.nextDouble() < 0.3 ? 1f : 0f) : (float) r.nextDouble();
    }
    return v;
  }
}
