package org.tfseg.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;

/**
 * All model weights of one graph, by hierarchical name, in creation order. Asking for an existing
 * name returns the same variable, so a training tower and an inference tower built by the same code
 * share their weights (as a Keras layer called twice does).
 */
public final class VariableStore {
  private final Ops rootTf;
  private final long seed;
  private final Map<String, ModelVariable> variables = new LinkedHashMap<>();
  private final List<String> frozenPrefixes = new ArrayList<>();
  private final Map<Ops, ScopeCache> scopeCaches = new IdentityHashMap<>();

  public VariableStore(Ops rootTf, long seed) {
    this.rootTf = rootTf;
    this.seed = seed;
  }

  /** Variables whose name starts with the prefix are created non-trainable (a frozen encoder). */
  public void freeze(String namePrefix) {
    frozenPrefixes.add(namePrefix);
  }

  public boolean isFrozen(String name) {
    return frozenPrefixes.stream().anyMatch(name::startsWith);
  }

  /** Returns the variable {@code name}, creating it on first use. */
  public ModelVariable get(String name, Shape shape, Initializer init, boolean trainable) {
    ModelVariable existing = variables.get(name);
    if (existing != null) {
      if (!existing.shape().equals(shape)) {
        throw new IllegalStateException(
            "variable " + name + " exists with shape " + existing.shape() + ", asked for " + shape);
      }
      return existing;
    }
    Ops scoped = scopes(rootTf).parentOf(name);
    Ops initTf = scoped.withInitScope();
    Operand<TFloat32> initial = init.build(initTf, shape, new long[] {seed, nameHash(name)});
    Variable<TFloat32> variable = scoped.withName(leaf(name)).variable(initial);
    Operand<TFloat32> value = scoped.withName(leaf(name) + "_read").identity(variable);
    ModelVariable mv =
        new ModelVariable(name, shape, trainable && !isFrozen(name), variable, value);
    variables.put(name, mv);
    return mv;
  }

  public List<ModelVariable> all() {
    return Collections.unmodifiableList(new ArrayList<>(variables.values()));
  }

  public List<ModelVariable> trainable() {
    return variables.values().stream().filter(ModelVariable::trainable).toList();
  }

  public List<ModelVariable> nonTrainable() {
    return variables.values().stream().filter(v -> !v.trainable()).toList();
  }

  public long parameterCount() {
    return variables.values().stream().mapToLong(ModelVariable::size).sum();
  }

  /**
   * The scope cache of a base scope: the store's own for its variables, a tower's for its layers.
   * Everything built on the same base {@code Ops} shares one cache, so names cannot collide.
   */
  public ScopeCache scopes(Ops base) {
    return scopeCaches.computeIfAbsent(base, ScopeCache::new);
  }

  static String leaf(String name) {
    return name.substring(name.lastIndexOf('/') + 1);
  }

  /** A stable 64-bit FNV-1a hash: a per-variable seed independent of creation order. */
  static long nameHash(String name) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < name.length(); i++) {
      h ^= name.charAt(i);
      h *= 0x100000001b3L;
    }
    return h;
  }
}
