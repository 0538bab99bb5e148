package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code ModelCheckpoint} ({@code "type": "model_checkpoint"}): saves a checkpoint when the
 * monitored quantity improves (or every epoch if {@code saveBestOnly} is false).
 *
 * @param monitor quantity to watch (default {@code "val_loss"})
 * @param mode improvement direction (default auto)
 * @param saveBestOnly keep only the best checkpoint (default true)
 */
@JsonTypeName("model_checkpoint")
public record ModelCheckpointConfig(String monitor, MonitorMode mode, Boolean saveBestOnly)
    implements CallbackConfig, MonitoredConfig {
  public ModelCheckpointConfig {
    monitor = Check.orDefault(monitor, "val_loss");
    mode = Check.orDefault(mode, MonitorMode.AUTO);
    saveBestOnly = Check.orDefault(saveBestOnly, true);
    Check.notBlank(monitor, "monitor");
  }

  @Override
  public Callback build() {
    return new ModelCheckpoint(monitor, mode, saveBestOnly);
  }
}
