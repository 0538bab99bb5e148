package org.tfseg.callback;

import java.nio.file.Path;
import java.util.Map;
import org.tfseg.summary.EventFileWriter;
import org.tfseg.summary.PredictionPanel;
import org.tfseg.summary.SummaryGraph;

/**
 * Keras' {@code TensorBoard} callback on TF's own summary ops: event files in the run folder's
 * {@value #FOLDER}/{@value #TRAIN} and {@value #FOLDER}/{@value #VALIDATION}, tagged as Keras 3
 * tags them.
 *
 * <ul>
 *   <li>Each epoch, at step = epoch index: {@code epoch_loss}, {@code epoch_<metric>} and {@code
 *       epoch_learning_rate} under train/; the {@code val_*} logs under validation/ as {@code
 *       epoch_loss}, {@code epoch_<metric>} (the prefix dropped).
 *   <li>With {@code update_freq} N, after every N-th optimizer step, at step = the global step:
 *       {@code batch_loss}, {@code batch_<metric>} (the running epoch values) and {@code
 *       batch_learning_rate} (the rate that step used, from the batch logs) under train/.
 *   <li>With {@code write_images}, each epoch under validation/: one {@link PredictionPanel} per
 *       fixed validation sample, tag {@code predictions/<i>/image}.
 *   <li>With {@code write_graph}, the training graph once at train begin (train/).
 * </ul>
 *
 * A resumed run appends: each training opens a new event file next to the earlier ones.
 */
public final class TensorBoard implements Callback {
  public static final String FOLDER = "tensorboard";
  public static final String TRAIN = "train";
  public static final String VALIDATION = "validation";
  static final String PANEL_TAG = "predictions/";

  private final UpdateFreq updateFreq;
  private final boolean writeGraph;
  private final boolean writeImages;
  private final int panelImages;
  private SummaryGraph summaries;
  private EventFileWriter train;
  private EventFileWriter validation;
  private Path folder;

  public TensorBoard(
      UpdateFreq updateFreq, boolean writeGraph, boolean writeImages, int panelImages) {
    this.updateFreq = updateFreq;
    this.writeGraph = writeGraph;
    this.writeImages = writeImages;
    this.panelImages = panelImages;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    close();
    folder = control.runDirectory().resolve(FOLDER);
    summaries = new SummaryGraph();
    train = summaries.writer(TRAIN, folder.resolve(TRAIN));
    if (writeGraph) {
      train.graph(control.globalStep(), control.graphDef());
    }
    train.flush();
    control.logToFile(
        "TensorBoard: writing "
            + folder
            + (control.globalStep() > 0
                ? " (appending from step " + control.globalStep() + ")"
                : ""));
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {
    long step = control.globalStep();
    if (!updateFreq.writesAt(step)) {
      return;
    }
    logs.forEach(
        (key, value) -> {
          if (!key.equals("size")) {
            train.scalar("batch_" + key, step, value);
          }
        });
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    logs.forEach(
        (key, value) -> {
          if (key.startsWith("val_")) {
            validation().scalar("epoch_" + key.substring(4), epoch, value);
          } else {
            train.scalar("epoch_" + key, epoch, value);
          }
        });
    if (writeImages) {
      control.validationSamples(panelImages).ifPresent(s -> writePanel(epoch, s, control));
    }
    train.flush();
    if (validation != null) {
      validation.flush();
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs, TrainingControl control) {
    close();
  }

  /** The validation writer, opened on first use (no folder for a run without validation). */
  private EventFileWriter validation() {
    if (validation == null) {
      validation = summaries.writer(VALIDATION, folder.resolve(VALIDATION));
    }
    return validation;
  }

  private void writePanel(int epoch, ImageSamples s, TrainingControl control) {
    float[] probabilities = control.predict(s);
    int classes = control.numClasses();
    for (int i = 0; i < s.count(); i++) {
      byte[] rgb =
          PredictionPanel.rgb(
              s.images(),
              s.masks(),
              probabilities,
              i,
              s.height(),
              s.width(),
              s.channels(),
              classes);
      validation().image(PANEL_TAG + i, epoch, rgb, s.height(), 3 * s.width());
    }
  }

  private void close() {
    if (summaries != null) {
      summaries.close();
      summaries = null;
      train = null;
      validation = null;
    }
  }
}
