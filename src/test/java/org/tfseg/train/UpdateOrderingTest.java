package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tfseg.graph.ModelVariable;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;

/**
 * The in-place {@code Apply*} updates must not race the backward pass: a weight's read shares the
 * variable's buffer, so every op that reads a trainable weight in the training step (forward and
 * backward) must be an ancestor of every update. Without that ordering two identical runs differed
 * after the first step (gradients of lower layers computed from half-updated weights).
 */
class UpdateOrderingTest {
  @Test
  void everyReadOfAWeightHappensBeforeAnyUpdate() {
    ModelSpec spec =
        new ModelSpec(
            new UNet(4, 2, 1),
            16,
            16,
            3,
            new BinaryCrossEntropy(),
            tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-7),
            List.of(new Precision(0.5)),
            1);
    try (TrainingGraph g = new TrainingGraph(spec)) {
      List<GraphOperation> updates = new ArrayList<>();
      g.session()
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().startsWith("Apply")) {
                  updates.add((GraphOperation) op);
                }
              });
      assertFalse(updates.isEmpty());
      List<Set<GraphOperation>> before =
          updates.stream().map(UpdateOrderingTest::ancestors).toList();
      Set<GraphOperation> inStep = new HashSet<>();
      before.forEach(inStep::addAll);
      int checked = 0;
      for (ModelVariable v : g.store().trainable()) {
        for (GraphOperation reader : readers(v.value())) {
          if (!inStep.contains(reader)) {
            continue; // not run by the training step (e.g. the unneeded gradient of the input
            // image)
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
