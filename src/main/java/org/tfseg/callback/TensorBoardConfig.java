package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code TensorBoard} ({@code "type": "tensorboard"}): event files under the run folder's
 * {@code tensorboard/train} and {@code tensorboard/validation}, written by {@link TensorBoard}.
 *
 * @param updateFreq {@code "epoch"}, or N to also write the running training values every N
 *     optimizer steps (default epoch)
 * @param writeGraph write the training graph once at train begin (default true)
 * @param writeImages write a panel of validation images, masks and predictions each epoch (default
 *     true)
 * @param panelImages how many validation images the panel shows (default 4, in [1, 16])
 */
@JsonTypeName("tensorboard")
public record TensorBoardConfig(
    UpdateFreq updateFreq, Boolean writeGraph, Boolean writeImages, Integer panelImages)
    implements CallbackConfig {
  public TensorBoardConfig {
    updateFreq = Check.orDefault(updateFreq, UpdateFreq.EPOCH);
    writeGraph = Check.orDefault(writeGraph, true);
    writeImages = Check.orDefault(writeImages, true);
    panelImages = Check.orDefault(panelImages, 4);
    Check.inRange(panelImages, 1, 16, "panel_images");
  }

  @Override
  public Callback build() {
    return new TensorBoard(updateFreq, writeGraph, writeImages, panelImages);
  }
}
