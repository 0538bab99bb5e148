package org.tfseg.graph;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;
import org.tensorflow.DeviceSpec;
import org.tensorflow.ExecutionEnvironment;
import org.tensorflow.op.OpScope;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;

/**
 * {@code Ops.withSubScope} without the full-graph scan. TF Java 1.1's {@code
 * NameScope.withSubScope} calls {@code importIdsFrom(graph)}, which iterates every op in the graph
 * through JNI to find names already used under the new prefix; a prefix that {@link ScopeCache}
 * creates once has none, so the scan only costs time (O(graph) per scope, quadratic overall: 62 %
 * of BASNet's build time, measured with JFR). This builds the same OpScope directly, through
 * reflection on TF Java 1.1's package-private classes.
 */
final class FastScope {
  private static final Field OPS_ENV;
  private static final Field NAME_SCOPE;
  private static final Field CONTROL;
  private static final Field DEVICE;
  private static final Field IS_INIT;
  private static final Field PREFIX;
  private static final Constructor<?> NAME_SCOPE_CTOR;
  private static final Constructor<OpScope> OP_SCOPE_CTOR;
  private static final Constructor<Ops> OPS_CTOR;

  static {
    try {
      Class<?> ns = Class.forName("org.tensorflow.op.NameScope");
      OPS_ENV = OpScope.class.getDeclaredField("env");
      NAME_SCOPE = OpScope.class.getDeclaredField("nameScope");
      CONTROL = OpScope.class.getDeclaredField("controlDependencies");
      DEVICE = OpScope.class.getDeclaredField("deviceSpec");
      IS_INIT = OpScope.class.getDeclaredField("isInit");
      PREFIX = ns.getDeclaredField("opPrefix");
      NAME_SCOPE_CTOR = ns.getDeclaredConstructor(String.class, String.class, java.util.Map.class);
      OP_SCOPE_CTOR =
          OpScope.class.getDeclaredConstructor(
              ExecutionEnvironment.class, ns, List.class, DeviceSpec.class, boolean.class);
      OPS_CTOR = Ops.class.getDeclaredConstructor(Scope.class);
      for (var a :
          new java.lang.reflect.AccessibleObject[] {
            OPS_ENV,
            NAME_SCOPE,
            CONTROL,
            DEVICE,
            IS_INIT,
            PREFIX,
            NAME_SCOPE_CTOR,
            OP_SCOPE_CTOR,
            OPS_CTOR
          }) {
        a.setAccessible(true);
      }
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private FastScope() {}

  /**
   * {@code parent.withSubScope(name)} for a sub-scope created once (same unique name, control
   * dependencies, device and init flag), without importing the graph's op names.
   */
  static Ops subScope(Ops parent, String name) {
    if (!(parent.scope() instanceof OpScope)) {
      return parent.withSubScope(name);
    }
    try {
      OpScope p = (OpScope) parent.scope();
      String unique = p.makeUnique(name);
      String prefix = (String) PREFIX.get(NAME_SCOPE.get(p));
      String full = prefix == null ? unique : prefix + "/" + unique;
      Object ns = NAME_SCOPE_CTOR.newInstance(full, null, null);
      OpScope s =
          OP_SCOPE_CTOR.newInstance(
              OPS_ENV.get(p), ns, CONTROL.get(p), DEVICE.get(p), IS_INIT.get(p));
      return OPS_CTOR.newInstance(s);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
