package org.tfseg.graph;

import java.util.HashMap;
import java.util.Map;
import org.tensorflow.op.Ops;

/**
 * One {@link Ops} per hierarchical scope path under a base scope, created once. TF Java's {@code
 * withSubScope} scans every op already in the graph to learn the names in use, so building each
 * layer's scope afresh makes graph construction quadratic in the number of ops (minutes for
 * BASNet); reusing the scope objects also keeps every op under a path in one name registry.
 */
public final class ScopeCache {
  private final Ops base;
  private final Map<String, Ops> scopes = new HashMap<>();

  public ScopeCache(Ops base) {
    this.base = base;
  }

  /** The scope {@code a/b/c} under the base ({@code ""} is the base itself). */
  public Ops get(String path) {
    if (path.isEmpty()) {
      return base;
    }
    Ops scope = scopes.get(path);
    if (scope == null) {
      int slash = path.lastIndexOf('/');
      Ops parent = slash < 0 ? base : get(path.substring(0, slash));
      scope = FastScope.subScope(parent, path.substring(slash + 1));
      scopes.put(path, scope);
    }
    return scope;
  }

  /** The scope of a {@code /}-separated name's parent path (the name without its leaf). */
  public Ops parentOf(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? base : get(name.substring(0, slash));
  }
}
