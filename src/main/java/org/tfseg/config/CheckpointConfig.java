package org.tfseg.config;

/**
 * When the run's periodic checkpoints are written ({@code training.checkpoints}); one is always
 * written at the end of each epoch, and on SIGINT/SIGTERM.
 *
 * @param everySteps also every this many optimizer steps, inside epochs (optional, >= 1)
 * @param everyMinutes also when this many minutes passed since the last one (optional, > 0)
 * @param keep periodic checkpoints kept, newest first (default 3, >= 1); {@code best} and {@code
 *     final} are kept besides
 */
public record CheckpointConfig(Integer everySteps, Double everyMinutes, Integer keep) {
  public CheckpointConfig {
    Check.atLeast(everySteps, 1, "every_steps");
    Check.positive(everyMinutes, "every_minutes");
    keep = Check.orDefault(keep, 3);
    Check.atLeast(keep, 1, "keep");
  }

  /** All defaults: at epoch ends only, keep 3. */
  public static CheckpointConfig defaults() {
    return new CheckpointConfig(null, null, null);
  }
}
