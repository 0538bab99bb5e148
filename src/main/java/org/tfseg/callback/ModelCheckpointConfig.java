package org.tfseg.callback;

import org.tfseg.config.Check;
/**
 * Keras {@code ModelCheckpoint} ({@code "type": "model_checkpoint"}): saves a checkpoint when the
 * monitored quantity improves (or every epoch if {@code saveBestOnly} is false).
 *
 * @param monitor quantity to watch (default {@code "val_loss"})
 * @param mode improvement direction (default auto)
 * @param saveBestOnly keep only the best checkpoint (default true)
 */
public record ModelCheckpointConfig(String monitor, MonitorMode mode, Boolean saveBestOnly)
    implements CallbackConfig {
  public ModelCheckpointConfig {
    monitor = Check.orDefault(monitor, "val_loss");
    mode = Check.orDefault(mode, MonitorMode.AUTO);
    saveBestOnly = Check.orDefault(saveBestOnly, true);
    Check.notBlank(monitor, "monitor");
  }
}
