package org.tfseg.train;

/**
 * Training stopped by a signal after saving a checkpoint; the CLI prints how to resume and exits
 * with {@link #exitCode()} (130 for SIGINT, 143 for SIGTERM).
 *
 * @param checkpoint the prefix of the checkpoint written before stopping
 * @param epoch the 1-based epoch that was running
 * @param step the optimizer steps applied
 */
public final class TrainingInterrupted extends RuntimeException {
  private final String signal;
  private final int exitCode;
  private final String checkpoint;

  TrainingInterrupted(String signal, int exitCode, String checkpoint, int epoch, long step) {
    super(signal + " at epoch " + epoch + ", step " + step + "; checkpoint saved: " + checkpoint);
    this.signal = signal;
    this.exitCode = exitCode;
    this.checkpoint = checkpoint;
  }

  public String signal() {
    return signal;
  }

  public int exitCode() {
    return exitCode;
  }

  public String checkpoint() {
    return checkpoint;
  }
}
