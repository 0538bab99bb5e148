package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code ReduceLROnPlateau} ({@code "type": "reduce_lr_on_plateau"}): multiplies the learning
 * rate by {@code factor} after {@code patience} epochs without improvement.
 *
 * @param monitor quantity to watch (default {@code "val_loss"})
 * @param factor learning-rate multiplier (default 0.1, in (0, 1))
 * @param patience epochs without improvement before reducing (default 10, >= 0)
 * @param mode improvement direction (default auto)
 * @param minDelta smallest change that counts as an improvement (default 1e-4, >= 0)
 * @param cooldown epochs to wait after a reduction before counting again (default 0, >= 0)
 * @param minLr lower bound on the learning rate (default 0.0, >= 0)
 */
@JsonTypeName("reduce_lr_on_plateau")
public record ReduceLrOnPlateauConfig(
    String monitor,
    Double factor,
    Integer patience,
    MonitorMode mode,
    Double minDelta,
    Integer cooldown,
    Double minLr)
    implements CallbackConfig, MonitoredConfig {
  public ReduceLrOnPlateauConfig {
    monitor = Check.orDefault(monitor, "val_loss");
    factor = Check.orDefault(factor, 0.1);
    patience = Check.orDefault(patience, 10);
    mode = Check.orDefault(mode, MonitorMode.AUTO);
    minDelta = Check.orDefault(minDelta, 1e-4);
    cooldown = Check.orDefault(cooldown, 0);
    minLr = Check.orDefault(minLr, 0.0);
    Check.notBlank(monitor, "monitor");
    Check.inOpenRange(factor, 0, 1, "factor");
    Check.atLeast(patience, 0, "patience");
    Check.atLeast(minDelta, 0, "min_delta");
    Check.atLeast(cooldown, 0, "cooldown");
    Check.atLeast(minLr, 0, "min_lr");
  }

  @Override
  public Callback build() {
    return new ReduceLrOnPlateau(monitor, factor, patience, mode, minDelta, cooldown, minLr);
  }
}
