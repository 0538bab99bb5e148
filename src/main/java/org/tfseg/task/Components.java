package org.tfseg.task;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.tensorflow.op.Ops;
import org.tfseg.optim.AdamConfig;
import org.tfseg.loss.BceDiceConfig;
import org.tfseg.data.AugmentationConfig;
import org.tfseg.data.BrightnessContrastConfig;
import org.tfseg.config.ImageSize;
import org.tfseg.data.Augmentation;
import org.tfseg.loss.BasNetHybridConfig;
import org.tfseg.loss.BinaryCrossEntropyConfig;
import org.tfseg.loss.DeepSupervisionConfig;
import org.tfseg.loss.SoftIouConfig;
import org.tfseg.loss.SsimConfig;
import org.tfseg.loss.SsimPadding;
import org.tfseg.loss.WeightedSumConfig;
import org.tfseg.callback.CallbackConfig;
import org.tfseg.loss.DiceConfig;
import org.tfseg.callback.EarlyStoppingConfig;
import org.tfseg.loss.LossConfig;
import org.tfseg.metric.Metric;
import org.tfseg.callback.ModelCheckpointConfig;
import org.tfseg.optim.OptimizerConfig;
import org.tfseg.callback.ReduceLrOnPlateauConfig;
import org.tfseg.optim.RmsPropConfig;
import org.tfseg.optim.SgdConfig;
import org.tfseg.loss.SparseCategoricalCrossEntropyConfig;
import org.tfseg.loss.BceDice;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.loss.Dice;
import org.tfseg.loss.DeepSupervision;
import org.tfseg.loss.BasNetHybrid;
import org.tfseg.loss.SoftIou;
import org.tfseg.loss.Ssim;
import org.tfseg.loss.WeightedSum;
import org.tfseg.loss.Loss;
import org.tfseg.loss.SparseCategoricalCrossEntropy;
import org.tfseg.metric.Accuracy;
import org.tfseg.metric.DiceScore;
import org.tfseg.metric.MeanAbsoluteError;
import org.tfseg.metric.MeanIou;
import org.tfseg.metric.Precision;
import org.tfseg.metric.Recall;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.optim.Adam;
import org.tfseg.optim.Optimizer;
import org.tfseg.optim.RmsProp;
import org.tfseg.optim.Sgd;
import org.tfseg.callback.Callback;
import org.tfseg.callback.EarlyStopping;
import org.tfseg.callback.ModelCheckpoint;
import org.tfseg.callback.ReduceLrOnPlateau;

/** Config records to the objects they describe: one switch per one-of. */
public final class Components {
  private Components() {}

  public static Loss loss(LossConfig config) {
    if (config instanceof BinaryCrossEntropyConfig) {
      return new BinaryCrossEntropy();
    }
    if (config instanceof SparseCategoricalCrossEntropyConfig) {
      return new SparseCategoricalCrossEntropy();
    }
    if (config instanceof DiceConfig d) {
      return new Dice(d.smooth());
    }
    if (config instanceof BceDiceConfig b) {
      return new BceDice(b.bceWeight(), b.smooth());
    }
    if (config instanceof SsimConfig s) {
      return new Ssim(padding(s.padding()));
    }
    if (config instanceof SoftIouConfig i) {
      return new SoftIou(i.smooth());
    }
    if (config instanceof WeightedSumConfig w) {
      return new WeightedSum(w.terms().stream().map(t -> new WeightedSum.Term(loss(t.loss()), t.weight())).toList());
    }
    if (config instanceof DeepSupervisionConfig d) {
      return d.weights() == null ? new DeepSupervision(loss(d.loss()))
          : new DeepSupervision(loss(d.loss()), d.weights().stream().mapToDouble(Double::doubleValue).toArray());
    }
    if (config instanceof BasNetHybridConfig h) {
      return BasNetHybrid.basnet(padding(h.ssimPadding()));
    }
    throw new IllegalArgumentException("no loss registered for " + config);
  }

  private static Ssim.Padding padding(SsimPadding padding) {
    return switch (padding) {
      case VALID -> Ssim.Padding.VALID;
      case SAME -> Ssim.Padding.SAME;
    };
  }

  public static Function<Ops, Optimizer> optimizer(OptimizerConfig config) {
    if (config instanceof AdamConfig a) {
      return tf -> new Adam(tf, a.learningRate(), a.beta1(), a.beta2(), a.epsilon());
    }
    if (config instanceof RmsPropConfig r) {
      return tf -> new RmsProp(tf, r.learningRate(), r.rho(), r.momentum(), r.epsilon(), r.centered());
    }
    if (config instanceof SgdConfig s) {
      return tf -> new Sgd(tf, s.learningRate(), s.momentum(), s.nesterov());
    }
    throw new IllegalArgumentException("no optimizer registered for " + config);
  }

  public static List<StreamingMetric> metrics(List<Metric> metrics, double threshold) {
    List<StreamingMetric> out = new ArrayList<>();
    for (Metric m : metrics) {
      out.add(switch (m) {
        case PRECISION -> new Precision(threshold);
        case RECALL -> new Recall(threshold);
        case MAE -> new MeanAbsoluteError();
        case ACCURACY -> new Accuracy(threshold);
        case MEAN_IOU -> new MeanIou(threshold);
        case DICE -> new DiceScore(threshold);
        case SOD -> throw new IllegalArgumentException("sod is scored per image by the eval command");
      });
    }
    return out;
  }

  /** The training split's augmentation ({@link Augmentation#NONE} when absent). */
  public static Augmentation augmentation(AugmentationConfig config) {
    if (config == null) {
      return Augmentation.NONE;
    }
    ImageSize crop = config.randomCrop();
    BrightnessContrastConfig bc = config.brightnessContrast();
    return new Augmentation(config.horizontalFlip(),
        crop == null ? null : new Augmentation.Crop(crop.height(), crop.width()),
        bc == null ? null : new Augmentation.BrightnessContrast(bc.brightnessLimit(), bc.contrastLimit(), bc.p()));
  }

  public static List<Callback> callbacks(List<CallbackConfig> configs) {
    List<Callback> out = new ArrayList<>();
    for (CallbackConfig c : configs) {
      out.add(callback(c));
    }
    return out;
  }

  private static Callback callback(CallbackConfig c) {
    if (c instanceof ReduceLrOnPlateauConfig r) {
      return new ReduceLrOnPlateau(r.monitor(), r.factor(), r.patience(), mode(r.mode()), r.minDelta(),
          r.cooldown(), r.minLr());
    }
    if (c instanceof ModelCheckpointConfig m) {
      return new ModelCheckpoint(m.monitor(), mode(m.mode()), m.saveBestOnly());
    }
    if (c instanceof EarlyStoppingConfig e) {
      return new EarlyStopping(e.monitor(), e.minDelta(), e.patience(), mode(e.mode()), e.baseline(),
          e.restoreBestWeights(), e.startFromEpoch());
    }
    throw new IllegalArgumentException("no callback registered for " + c);
  }

  private static String mode(org.tfseg.callback.MonitorMode mode) {
    return mode.name().toLowerCase(java.util.Locale.ROOT);
  }
}
