package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A training callback with Keras semantics; one-of on {@code "type"}. To add one: a record
 * implementing this interface (named by {@code @JsonTypeName}, building its {@link Callback}) and
 * one entry in {@code permits}; a callback that watches a logged quantity also implements {@link
 * MonitoredConfig}, so its monitor is validated against the logged keys.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface CallbackConfig
    permits ReduceLrOnPlateauConfig, ModelCheckpointConfig, EarlyStoppingConfig, TensorBoardConfig {
  Callback build();
}
