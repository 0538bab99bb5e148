package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A training callback with Keras semantics; one-of on {@code "type"}. To add one, write a record
 * implementing this interface, add it to {@code permits} and register it with one {@code
 * @JsonSubTypes.Type} line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ReduceLrOnPlateauConfig.class, name = "reduce_lr_on_plateau"),
  @JsonSubTypes.Type(value = ModelCheckpointConfig.class, name = "model_checkpoint"),
  @JsonSubTypes.Type(value = EarlyStoppingConfig.class, name = "early_stopping"),
})
public sealed interface CallbackConfig
    permits ReduceLrOnPlateauConfig, ModelCheckpointConfig, EarlyStoppingConfig {
  /** The logged quantity this callback watches ({@code val_loss}, {@code val_precision}, …). */
  String monitor();
}
