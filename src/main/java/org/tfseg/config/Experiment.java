package org.tfseg.config;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.tfseg.callback.ReduceLrOnPlateauConfig;
import org.tfseg.loss.LossConfig;
import org.tfseg.model.ModelConfig;
import org.tfseg.model.SegmentationModel;
import org.tfseg.optim.OptimizerConfig;

/**
 * One experiment: everything needed to train and evaluate a model, read from a JSON file by {@link
 * ExperimentLoader}. Records validate themselves, so an instance is always valid.
 *
 * @param name experiment name, {@code [A-Za-z0-9_.-]+} but not {@code .} or {@code ..} (required)
 * @param seed seed for weight initialization, shuffling and splits (default 42)
 * @param runRoot directory holding runs, which go to {@code <runRoot>/<name>/run-NNN} (default
 *     {@code "runs"})
 * @param model the network (required)
 * @param data the data pipeline (required)
 * @param loss the training loss (required)
 * @param optimizer the optimizer (required)
 * @param training the training loop (required)
 * @param evaluation the final evaluation (default {@link EvaluationConfig#defaults()})
 */
public record Experiment(
    String name,
    Long seed,
    String runRoot,
    ModelConfig model,
    DataConfig data,
    LossConfig loss,
    OptimizerConfig optimizer,
    TrainingConfig training,
    EvaluationConfig evaluation) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");

  public Experiment {
    Check.required(name, "name");
    if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
      throw new InvalidConfigException(
          "name", "must match [A-Za-z0-9_.-]+ (and not be . or ..), got \"" + name + "\"");
    }
    seed = Check.orDefault(seed, 42L);
    runRoot = Check.orDefault(runRoot, "runs");
    Check.notBlank(runRoot, "run_root");
    Check.required(model, "model");
    Check.required(data, "data");
    Check.required(loss, "loss");
    Check.required(optimizer, "optimizer");
    Check.required(training, "training");
    evaluation = Check.orDefault(evaluation, EvaluationConfig.defaults());
    SegmentationModel architecture = model.create();
    checkMultiple(data.imageSize(), architecture.sizeMultiple(), "data.image_size");
    if (data.augmentation() != null && data.augmentation().randomCrop() != null) {
      checkMultiple(
          data.augmentation().randomCrop(),
          architecture.sizeMultiple(),
          "data.augmentation.random_crop");
    }
    loss.checkOutputs(architecture.outputs(), "loss");
    loss.checkClasses(architecture.numClasses(), "loss");
    if (data.ignoreLabel() != null && architecture.numClasses() < 2) {
      throw new InvalidConfigException(
          "data.ignore_label",
          "needs a multi-class model with class-label targets (model.num_classes >= 2); a"
              + " sigmoid model's grey masks have no void label");
    }
    if (optimizer.schedule() != null) {
      for (int i = 0; i < training.callbacks().size(); i++) {
        if (training.callbacks().get(i) instanceof ReduceLrOnPlateauConfig) {
          // Keras raises "its learning rate is not settable" at the first reduction.
          throw new InvalidConfigException(
              "training.callbacks[" + i + "]",
              "reduce_lr_on_plateau cannot change a learning rate that follows"
                  + " optimizer.schedule (as in Keras); drop one of them");
        }
      }
    }
  }

  private static void checkMultiple(ImageSize size, int multiple, String key) {
    if (size.height() % multiple != 0 || size.width() % multiple != 0) {
      throw new InvalidConfigException(
          key, "must be a multiple of " + multiple + " for this model, got " + size);
    }
  }

  /** The directory this experiment's runs go under: {@code <runRoot>/<name>}. */
  public Path experimentDir() {
    return Path.of(runRoot, name);
  }
}
