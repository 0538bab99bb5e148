package org.tfseg.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Accuracy, mean IoU and per-class IoU against hand-counted confusion matrices. */
class ClassMetricsTest {
  // 6 pixels, 3 classes: argmax 0, 1, 2, 0, 2, 0 against labels 0, 0, 2, 1, 2, 0
  private static final float[] P3 = {
    0.7f, 0.2f, 0.1f,
    0.1f, 0.8f, 0.1f,
    0.2f, 0.3f, 0.5f,
    0.6f, 0.3f, 0.1f,
    0.1f, 0.1f, 0.8f,
    0.5f, 0.4f, 0.1f,
  };
  private static final float[] LABELS = {0, 0, 2, 1, 2, 0};

  @Test
  void multiClassAccuracyIsArgmaxAgreement() {
    assertEquals(4.0 / 6, MetricEval.result(new Accuracy(0.5), P3, LABELS), 1e-12);
  }

  @Test
  void multiClassIou() {
    // class 0: predicted {0,3,5}, true {0,1,5} → 2 / 4; class 1: {1} vs {3} → 0; class 2: {2,4}
    // both → 1
    assertEquals(0.5, MetricEval.result(new ClassIou(0, 0.5), P3, LABELS), 1e-12);
    assertEquals(0.0, MetricEval.result(new ClassIou(1, 0.5), P3, LABELS), 1e-12);
    assertEquals(1.0, MetricEval.result(new ClassIou(2, 0.5), P3, LABELS), 1e-12);
    assertEquals(0.5, MetricEval.result(new MeanIou(0.5), P3, LABELS), 1e-12);
  }

  @Test
  void aClassInNeitherPredictionNorTargetIsLeftOutOfTheMean() {
    // a 4th class never predicted and never labelled: Keras' MeanIoU still gives 1.5 / 3, not 1.5 /
    // 4
    float[] p4 = new float[LABELS.length * 4];
    for (int i = 0; i < LABELS.length; i++) {
      System.arraycopy(P3, i * 3, p4, i * 4, 3);
    }
    assertEquals(0.5, MetricEval.result(new MeanIou(0.5), p4, LABELS), 1e-12);
    assertEquals(0.0, MetricEval.result(new ClassIou(3, 0.5), p4, LABELS), 1e-12);
  }

  @Test
  void iouAccumulatesConfusionCountsOverTheEpoch() {
    // two batches of one pixel each (class 0 right, then class 0 predicted for a class-1 pixel):
    // epoch IoU of class 0 is 1 / 2, not the mean (1 + 0) / 2 of per-batch values
    double[] a = MetricEval.totals(new ClassIou(0, 0.5), new float[] {0.9f, 0.1f}, new float[] {0});
    double[] b = MetricEval.totals(new ClassIou(0, 0.5), new float[] {0.9f, 0.1f}, new float[] {1});
    assertEquals(0.5, new ClassIou(0, 0.5).result(new double[] {a[0] + b[0], a[1] + b[1]}), 1e-12);
  }

  // binary: predicted (p > 0.5) 0,1,4,6; actual (y ≠ 0) 0,2,4,6,7 → TP 3, FP 1, FN 2, TN 2 (3, 5)
  private static final float[] P = {0.9f, 0.6f, 0.5f, 0.2f, 0.51f, 0.0f, 0.99f, 0.4f};
  private static final float[] Y = {1f, 0f, 1f, 0f, 0.3f, 0f, 1f, 1f};

  @Test
  void binaryMetricsThresholdTheSigmoid() {
    assertEquals(5.0 / 8, MetricEval.result(new Accuracy(0.5), P, Y), 1e-12);
    assertEquals(2.0 / 3, MetricEval.result(new DiceScore(0.5), P, Y), 1e-12);
    // foreground 3 / (3 + 1 + 2); background: predicted {2,3,5,7}, true {1,3,5} → 2 / 5
    assertEquals((0.5 + 0.4) / 2, MetricEval.result(new MeanIou(0.5), P, Y), 1e-12);
    assertEquals(0.4, MetricEval.result(new ClassIou(0, 0.5), P, Y), 1e-12);
  }

  @Test
  void diceEdgeCases() {
    assertEquals(1.0, new DiceScore(0.5).result(new double[] {0, 0, 0}));
  }

  @Test
  void multiClassPrecisionRecallAndDiceAreSmpMacroAverages() {
    // class 0: tp 2, predicted 3, true 3 → 2/3 each; class 1: tp 0 of 1 and 1 → 0; class 2: 1
    assertEquals(5.0 / 9, MetricEval.result(new Precision(0.5), P3, LABELS), 1e-12);
    assertEquals(5.0 / 9, MetricEval.result(new Recall(0.5), P3, LABELS), 1e-12);
    assertEquals(5.0 / 9, MetricEval.result(new DiceScore(0.5), P3, LABELS), 1e-12);
    // a 4th class in neither: SMP's zero_division=1 scores it 1, and it counts in the mean
    float[] p4 = new float[LABELS.length * 4];
    for (int i = 0; i < LABELS.length; i++) {
      System.arraycopy(P3, i * 3, p4, i * 4, 3);
    }
    assertEquals((5.0 / 3 + 1) / 4, MetricEval.result(new Precision(0.5), p4, LABELS), 1e-12);
  }

  @Test
  void voidPixelsCountNowhere() {
    // pixels 1 and 3 (the two errors besides none) are void: what is left is all right
    float[] labels = {0, -1, 2, -1, 2, 0};
    for (StreamingMetric m :
        List.of(
            new Accuracy(0.5),
            new MeanIou(0.5),
            new Precision(0.5),
            new Recall(0.5),
            new DiceScore(0.5),
            new ClassIou(0, 0.5))) {
      assertEquals(1.0, MetricEval.result(m, P3, labels), 1e-12, m.name());
    }
    // counts: 4 counted pixels, not 6
    assertEquals(4.0, MetricEval.totals(new Accuracy(0.5), P3, labels)[1], 0);
    // class 1 is only predicted at a void pixel: absent from the mean
    assertEquals(0.0, MetricEval.totals(new ClassIou(1, 0.5), P3, labels)[1], 0);
  }
}
