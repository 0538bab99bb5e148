package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;

/** {@link FastScope#subScope} names ops exactly as {@code withSubScope} does. */
class FastScopeTest {
  private static List<String> names(BiFunction<Ops, String, Ops> sub) {
    try (Graph g = new Graph()) {
      Ops root = Ops.create(g);
      Ops train = root.withSubScope("train");
      train.withName("x").constant(1f);
      Ops a = sub.apply(train, "a");
      a.withName("c").constant(1f);
      a.constant(2f);
      a.constant(3f);
      Ops again = sub.apply(train, "a");
      again.withName("c").constant(1f);
      Ops nested = sub.apply(a, "b");
      nested.constant(4f);
      Ops dep = sub.apply(root.withControlDependencies(List.of(a.constant(5f))), "d");
      dep.withName("e").constant(6f);
      List<String> out = new ArrayList<>();
      g.operations().forEachRemaining(op -> out.add(op.name() + " <- " + op.numControlInputs()));
      return out;
    }
  }

  @Test
  void sameNamesAndControlDependenciesAsWithSubScope() {
    List<String> reference = names(Ops::withSubScope);
    assertEquals(reference, names(FastScope::subScope));
    assertEquals(8, reference.size(), String.valueOf(reference));
  }
}
