package org.tfseg.train;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.function.BiFunction;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.types.TInt32;

/**
 * Creates a session's executor for the training step before the first step, while the session runs
 * its initializers.
 *
 * <p>TensorFlow builds the executor of a (feeds, fetches, targets) signature on its first run:
 * grappler over the pruned graph, partitioning, kernel creation (5–8 s for BASNet, more than a
 * step's share of a user's wait). A run with int32 tensors fed to the float placeholders creates
 * and caches that executor, then fails in argument validation ({@code Expects arg[0] to be float
 * but int32 is provided}) before any op runs: no variable is read or written. The first real step
 * then finds the executor in the cache. (Doing it on a second thread during the initialization run
 * gained nothing measurable: the two grappler passes serialize in the session.)
 */
final class StepPreparation {
  /** {@code Session.Runner.runNoInit}: a run that does not first run pending initializers. */
  private static final Method RUN_NO_INIT;

  static {
    try {
      RUN_NO_INIT = Session.Runner.class.getDeclaredMethod("runNoInit");
      RUN_NO_INIT.setAccessible(true);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private StepPreparation() {}

  /** Creates the executor of {@code step} without running it (see the class comment). */
  static void prepare(BiFunction<Tensor, Tensor, Session.Runner> step) {
    try (TInt32 x = TInt32.scalarOf(0);
        TInt32 y = TInt32.scalarOf(0)) {
      RUN_NO_INIT.invoke(step.apply(x, y));
      throw new IllegalStateException("a step fed int32 images ran");
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof TFInvalidArgumentException
          && String.valueOf(cause.getMessage()).contains("Expects arg[")) {
        return; // the executor exists; nothing ran
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(cause);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
