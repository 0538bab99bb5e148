package org.tfseg.train;

import java.util.ArrayList;
import java.util.List;
import org.tfseg.runtime.NativeLogs;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C) and SIGTERM (how batch schedulers and Kubernetes stop a job) during training: the
 * first one only sets a flag, so the loop finishes its step, saves a checkpoint and stops; a second
 * one exits at once (exit code 128 + signal number), as a user pressing Ctrl-C twice expects. The
 * JVM's own handlers are put back on {@link #close}.
 */
final class Interruption implements AutoCloseable {
  private final List<Signal> signals = new ArrayList<>();
  private final List<SignalHandler> previous = new ArrayList<>();
  private volatile Signal received;

  static Interruption install() {
    Interruption i = new Interruption();
    for (String name : List.of("INT", "TERM")) {
      Signal signal = new Signal(name);
      i.signals.add(signal);
      i.previous.add(Signal.handle(signal, i::handle));
    }
    return i;
  }

  private void handle(Signal signal) {
    if (received != null) {
      System.err.println(
          "tfseg: interrupted again (SIG" + signal.getName() + "); exiting without a checkpoint");
      NativeLogs.halt(128 + signal.getNumber());
    }
    received = signal;
    System.err.println(
        "tfseg: SIG"
            + signal.getName()
            + " received; saving a checkpoint after this step"
            + " (again to exit at once)");
  }

  /** Whether a signal came since {@link #install}. */
  boolean requested() {
    return received != null;
  }

  /** The exception that ends the run after the checkpoint is written. */
  TrainingInterrupted stop(String checkpoint, int epoch, long step) {
    return new TrainingInterrupted(
        "SIG" + received.getName(), 128 + received.getNumber(), checkpoint, epoch, step);
  }

  @Override
  public void close() {
    for (int k = 0; k < signals.size(); k++) {
      Signal.handle(signals.get(k), previous.get(k));
    }
  }
}
