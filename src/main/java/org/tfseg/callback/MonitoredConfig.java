package org.tfseg.callback;

/** A callback config that watches one logged quantity. */
public interface MonitoredConfig {
  /** The logged quantity watched ({@code val_loss}, {@code val_precision}, …). */
  String monitor();
}
