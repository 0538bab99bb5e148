package org.tfseg.graph;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.NodeDef;

/**
 * Gradients that keep a fraction of the forward activations (gradient checkpointing, Chen et al.
 * 2016, as OpenAI's {@code memory_saving_gradients} for TF 1): of the forward pass between the
 * weights and the loss, only the outputs of activation functions and of residual additions
 * (checkpoints) stay alive for the backward pass. Each checkpoint's segment (the ops back to the
 * previous checkpoints) is copied; the copy runs once the gradient at the checkpoint is complete,
 * and the segment is differentiated through its copy, so every other forward tensor is freed as
 * soon as the forward pass has used it. The forward pass is computed about twice; the gradients are
 * those of the plain backward pass up to float rounding (TensorFlow recomputes the same ops on the
 * same inputs; dropout masks are stateless, so they are recomputed identically).
 *
 * <p>Every tensor a copy reads from the kept forward pass (a checkpoint, a weight) goes through a
 * fresh {@code Identity} that waits for the segment's upstream gradient: the copy cannot run early,
 * and each {@code addGradients} call, given those identities as its {@code x}, stops at them
 * instead of differentiating the original forward ops again (TF's C++ gradient builder has no
 * {@code stop_gradients}). Collective ops must run once per step: they are not copied but
 * differentiated in place, their inputs and outputs kept.
 */
public final class GradientCheckpointing {
  private static final Set<String> ACTIVATIONS =
      Set.of("Relu", "Relu6", "Elu", "Selu", "LeakyRelu");
  private static final Set<String> JOINS = Set.of("Add", "AddV2");

  private final Graph g;
  private final Ops gates;
  private final Ops sums;
  private final Map<GraphOperation, Integer> order = new HashMap<>();
  private final Set<GraphOperation> forward = new HashSet<>();
  private final Set<Output<?>> checkpoints = new HashSet<>();
  private final Map<Output<?>, Integer> xIndex = new HashMap<>();
  private final Map<Output<?>, List<Operand<?>>> upstream = new HashMap<>();
  private final List<List<Operand<?>>> xGradients = new ArrayList<>();
  private Map<String, NodeDef> nodes;
  private int segments;

  private GradientCheckpointing(Ops tf) {
    this.g = (Graph) tf.scope().env();
    this.gates = tf.withSubScope("recompute_inputs");
    this.sums = tf.withSubScope("recompute_sums");
  }

  /**
   * {@code d y / d xs} as {@code Graph.addGradients(y, xs)} computes it, with the forward pass
   * recomputed segment by segment; ops are created in {@code tf}'s graph.
   */
  public static Output<?>[] gradients(Ops tf, Output<?> y, Output<?>[] xs) {
    return new GradientCheckpointing(tf).build(y, xs);
  }

  /** How many segments the last call recomputes (for tests and the build log). */
  int segments() {
    return segments;
  }

  private Output<?>[] build(Output<?> y, Output<?>[] xs) {
    int i = 0;
    for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
      order.put(it.next(), i++);
    }
    for (int k = 0; k < xs.length; k++) {
      xIndex.put(xs[k], k);
      xGradients.add(new ArrayList<>());
    }
    findForward(y, xs);
    findCheckpoints(y);
    nodes = new HashMap<>();
    for (NodeDef n : g.toGraphDef().getNodeList()) {
      if (forward.contains(g.operation(n.getName()))) {
        nodes.put(n.getName(), n);
      }
    }
    segment((GraphOperation) y.op(), List.of(y), null);
    Set<GraphOperation> distinct = new HashSet<>();
    checkpoints.forEach(c -> distinct.add((GraphOperation) c.op()));
    List<GraphOperation> targets = new ArrayList<>(distinct);
    targets.sort(Comparator.comparingInt((GraphOperation op) -> order.get(op)).reversed());
    for (GraphOperation op : targets) {
      List<Output<?>> ys = new ArrayList<>();
      List<Output<?>> dys = new ArrayList<>();
      for (int k = 0; k < op.numOutputs(); k++) {
        List<Operand<?>> parts = upstream.get(op.output(k));
        if (parts != null) {
          ys.add(op.output(k));
          dys.add(sum(parts));
        }
      }
      if (!ys.isEmpty()) {
        segment(op, ys, dys);
      }
    }
    Output<?>[] out = new Output<?>[xs.length];
    for (int k = 0; k < xs.length; k++) {
      if (xGradients.get(k).isEmpty()) {
        throw new IllegalStateException("no gradient reaches " + xs[k].op().name());
      }
      out[k] = sum(xGradients.get(k));
    }
    return out;
  }

  /** The ops on a path from an x to y: what the backward pass differentiates. */
  private void findForward(Output<?> y, Output<?>[] xs) {
    Set<GraphOperation> below = new HashSet<>();
    Deque<GraphOperation> queue = new ArrayDeque<>();
    for (Output<?> x : xs) {
      if (below.add((GraphOperation) x.op())) {
        queue.add((GraphOperation) x.op());
      }
    }
    while (!queue.isEmpty()) {
      for (GraphOperation c : queue.poll().consumers()) {
        if (below.add(c)) {
          queue.add(c);
        }
      }
    }
    GraphOperation top = (GraphOperation) y.op();
    if (!below.contains(top)) {
      throw new IllegalStateException("no x reaches " + top.name());
    }
    forward.add(top);
    queue.add(top);
    while (!queue.isEmpty()) {
      GraphOperation op = queue.poll();
      for (int k = 0; k < op.numInputs(); k++) {
        GraphOperation src = (GraphOperation) op.input(k).op();
        if (below.contains(src) && forward.add(src)) {
          queue.add(src);
        }
      }
    }
  }

  private void findCheckpoints(Output<?> y) {
    for (GraphOperation op : forward) {
      if (op.equals(y.op()) || xIndex.containsKey(op.output(0))) {
        continue;
      }
      if (inPlace(op)) {
        for (int k = 0; k < op.numOutputs(); k++) {
          checkpoints.add(op.output(k));
        }
        for (int k = 0; k < op.numInputs(); k++) {
          Output<?> in = op.input(k);
          if (forward.contains((GraphOperation) in.op()) && !xIndex.containsKey(in)) {
            checkpoints.add(in);
          }
        }
      } else if (ACTIVATIONS.contains(op.type())
          || (JOINS.contains(op.type()) && forwardInputs(op) >= 2)) {
        checkpoints.add(op.output(0));
      }
    }
  }

  private int forwardInputs(GraphOperation op) {
    int n = 0;
    for (int k = 0; k < op.numInputs(); k++) {
      if (forward.contains((GraphOperation) op.input(k).op())) {
        n++;
      }
    }
    return n;
  }

  /** Ops that must run once per step (a collective's peers expect one call). */
  private static boolean inPlace(GraphOperation op) {
    return op.type().startsWith("Collective");
  }

  /**
   * Differentiates {@code ys} (outputs of {@code top}) with upstream gradients {@code dys} (null:
   * ones) back to the checkpoints and xs they are computed from, through a copy of the ops between.
   */
  private void segment(GraphOperation top, List<Output<?>> ys, List<Output<?>> dys) {
    int k = segments++;
    List<Output<?>> reads = new ArrayList<>();
    Output<?>[] y;
    if (inPlace(top)) {
      for (int j = 0; j < top.numInputs(); j++) {
        Output<?> in = top.input(j);
        if (isKept(in) && !reads.contains(in)) {
          reads.add(in);
        }
      }
      y = ys.toArray(Output<?>[]::new);
      differentiate(k, y, reads, reads, dys);
      return;
    }
    Set<GraphOperation> copy = new HashSet<>();
    copy.add(top);
    Deque<GraphOperation> stack = new ArrayDeque<>();
    stack.push(top);
    Map<Output<?>, Output<?>> inputs = new LinkedHashMap<>();
    while (!stack.isEmpty()) {
      GraphOperation op = stack.pop();
      for (int j = 0; j < op.numInputs(); j++) {
        Output<?> in = op.input(j);
        GraphOperation src = (GraphOperation) in.op();
        if (forward.contains(src) && !isKept(in) && !inPlace(src)) {
          if (copy.add(src)) {
            stack.push(src);
          }
        } else if (isKept(in)) {
          if (!reads.contains(in)) {
            reads.add(in);
          }
        } else {
          inputs.put(in, in); // not a function of the weights: read as it is
        }
      }
    }
    Ops gate =
        dys == null ? gates : gates.withControlDependencyOps(dys.stream().map(Output::op).toList());
    List<Output<?>> gated = new ArrayList<>();
    for (Output<?> in : reads) {
      @SuppressWarnings({"unchecked", "rawtypes"})
      Output<?> id = gate.identity((Operand) in).asOutput();
      gated.add(id);
      inputs.put(in, id);
    }
    List<GraphOperation> ops = new ArrayList<>(copy);
    ops.sort(Comparator.comparingInt(order::get));
    String prefix = "recompute/s" + k;
    GraphCopy.copy(g, nodes, ops, inputs, prefix);
    y = new Output<?>[ys.size()];
    for (int j = 0; j < y.length; j++) {
      y[j] = g.operation(prefix + "/" + top.name()).output(ys.get(j).index());
    }
    differentiate(k, y, gated, reads, dys);
  }

  /** A forward tensor the backward pass keeps: a checkpoint or an x (a weight read). */
  private boolean isKept(Output<?> t) {
    return checkpoints.contains(t) || xIndex.containsKey(t);
  }

  private void differentiate(
      int k, Output<?>[] y, List<Output<?>> x, List<Output<?>> kept, List<Output<?>> dys) {
    if (x.isEmpty()) {
      return;
    }
    Output<?>[] dx = dys == null ? null : dys.toArray(Output<?>[]::new);
    Output<?>[] grads =
        g.addGradients("recompute_gradients_" + k, y, x.toArray(Output<?>[]::new), dx);
    for (int j = 0; j < grads.length; j++) {
      GraphOperation op = (GraphOperation) grads[j].op();
      if (op.getUnsafeNativeHandle() == null || op.getUnsafeNativeHandle().isNull()) {
        continue; // no gradient through this input (e.g. only its shape is read)
      }
      Output<?> t = kept.get(j);
      Integer xi = xIndex.get(t);
      if (xi != null) {
        xGradients.get(xi).add(grads[j]);
      } else {
        upstream.computeIfAbsent(t, unused -> new ArrayList<>()).add(grads[j]);
      }
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private Output<?> sum(List<Operand<?>> parts) {
    return parts.size() == 1
        ? parts.get(0).asOutput()
        : sums.math.addN((Iterable) parts).asOutput();
  }
}
