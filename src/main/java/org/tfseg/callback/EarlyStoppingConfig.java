package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code EarlyStopping} ({@code "type": "early_stopping"}): stops training after {@code
 * patience} epochs without improvement.
 *
 * @param monitor quantity to watch (default {@code "val_loss"})
 * @param minDelta smallest change that counts as an improvement (default 0.0, >= 0)
 * @param patience epochs without improvement before stopping (default 0, >= 0)
 * @param mode improvement direction (default auto)
 * @param baseline the quantity must beat this value to count as improving (optional)
 * @param restoreBestWeights restore the best epoch's weights when stopping (default false)
 * @param startFromEpoch epochs to wait before watching at all (default 0, >= 0)
 */
@JsonTypeName("early_stopping")
public record EarlyStoppingConfig(
    String monitor,
    Double minDelta,
    Integer patience,
    MonitorMode mode,
    Double baseline,
    Boolean restoreBestWeights,
    Integer startFromEpoch)
    implements CallbackConfig, MonitoredConfig {
  public EarlyStoppingConfig {
    monitor = Check.orDefault(monitor, "val_loss");
    minDelta = Check.orDefault(minDelta, 0.0);
    patience = Check.orDefault(patience, 0);
    mode = Check.orDefault(mode, MonitorMode.AUTO);
    restoreBestWeights = Check.orDefault(restoreBestWeights, false);
    startFromEpoch = Check.orDefault(startFromEpoch, 0);
    Check.notBlank(monitor, "monitor");
    Check.atLeast(minDelta, 0, "min_delta");
    Check.atLeast(patience, 0, "patience");
    Check.atLeast(startFromEpoch, 0, "start_from_epoch");
  }

  @Override
  public Callback build() {
    return new EarlyStopping(
        monitor, minDelta, patience, mode, baseline, restoreBestWeights, startFromEpoch);
  }
}
