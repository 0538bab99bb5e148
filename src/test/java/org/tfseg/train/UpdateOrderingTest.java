package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tfseg.graph.ModelVariable;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.optim.CosineDecayConfig;
import org.tfseg.optim.GradientClipping;
import org.tfseg.optim.L2Penalty;
import org.tfseg.optim.Optimizer;
import org.tfseg.optim.OptimizerOptions;
import org.tfseg.optim.RegularizationConfig;

/**
 * The in-place {@code Apply*} updates must not race the backward pass: a weight's read shares the
 * variable's buffer, so every op that reads a trainable weight in the training step (forward and
 * backward) must be an ancestor of every update. Without that ordering two identical runs differed
 * after the first step (gradients of lower layers computed from half-updated weights).
 */
class UpdateOrderingTest {
  @Test
  void everyReadOfAWeightHappensBeforeAnyUpdate() {
    assertReadsPrecedeUpdates(spec(tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-7), null), false);
  }

  /**
   * Weight decay adds in-place updates of its own, and an L2 penalty reads every kernel on a path
   * the gradients do not need (its value only feeds the fetched loss): both must wait too.
   */
  @Test
  void weightDecayAndAWeightPenaltyKeepTheOrdering() {
    OptimizerOptions options =
        new OptimizerOptions(
            new CosineDecayConfig(10L, 0.0, null).build(),
            0.01,
            Set.of(),
            new GradientClipping(GradientClipping.Kind.GLOBAL_CLIPNORM, 1.0));
    assertReadsPrecedeUpdates(
        spec(
            tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-7, options),
            new RegularizationConfig(1e-3, List.of()).build()),
        true);
  }

  private static ModelSpec spec(Function<Ops, Optimizer> optimizer, L2Penalty penalty) {
    return ModelSpec.builder(
            new UNet(4, 2, 1),
            16,
            16,
            3,
            new BinaryCrossEntropy(),
            optimizer,
            List.of(new Precision(0.5)),
            1)
        .regularization(penalty)
        .build();
  }

  private static void assertReadsPrecedeUpdates(ModelSpec spec, boolean decays) {
    try (TrainingGraph g = new TrainingGraph(spec)) {
      Set<GraphOperation> weights = new HashSet<>();
      g.store().trainable().forEach(v -> weights.add((GraphOperation) v.variable().op()));
      List<GraphOperation> updates = new ArrayList<>();
      int decayOps = 0;
      for (Iterator<GraphOperation> it = g.session().graph().operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (op.type().startsWith("Apply")) {
          updates.add(op);
        } else if (op.type().equals("AssignSub") && weights.contains(op.input(0).op())) {
          updates.add(op);
          decayOps++;
        }
      }
      assertFalse(updates.isEmpty());
      assertEquals(decays ? g.store().trainable().size() : 0, decayOps, "weight-decay updates");
      List<Set<GraphOperation>> before =
          updates.stream().map(UpdateOrderingTest::ancestors).toList();
      // what a training run executes: the step and the loss it fetches
      Set<GraphOperation> inStep = ancestors((GraphOperation) g.trainLoss().op());
      inStep.add((GraphOperation) g.trainLoss().op());
      before.forEach(inStep::addAll);
      int checked = 0;
      for (ModelVariable v : g.store().trainable()) {
        for (GraphOperation reader : readers(v.value())) {
          if (!inStep.contains(reader)) {
            continue; // not run by the training step (e.g. the unneeded gradient of the input
            // image, or the inference tower)
          }
          checked++;
          for (int i = 0; i < updates.size(); i++) {
            assertTrue(
                before.get(i).contains(reader),
                updates.get(i).name()
                    + " may run before "
                    + reader.name()
                    + " has read "
                    + v.name());
          }
        }
      }
      assertTrue(checked > g.store().trainable().size(), "forward and backward reads: " + checked);
    }
  }

  private static Set<GraphOperation> readers(Operand<?> value) {
    return ((GraphOperation) value.op()).consumers();
  }

  private static Set<GraphOperation> ancestors(GraphOperation op) {
    Set<GraphOperation> seen = new HashSet<>();
    Deque<GraphOperation> todo = new ArrayDeque<>(List.of(op));
    while (!todo.isEmpty()) {
      GraphOperation o = todo.pop();
      for (Operand<?> in : o.inputs()) {
        GraphOperation p = (GraphOperation) in.op();
        if (seen.add(p)) {
          todo.push(p);
        }
      }
      for (GraphOperation p : o.controlInputs()) {
        if (seen.add(p)) {
          todo.push(p);
        }
      }
    }
    return seen;
  }
}
