package org.tfseg.viz;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Optional;
import org.tfseg.callback.ImageSamples;
import org.tfseg.callback.TrainingControl;

/**
 * A {@link TrainingControl} answering what the picture callbacks ask: the run folder, the epoch
 * count, validation samples (or none) and fixed predictions; any other call fails the test.
 */
final class StubControl {
  private StubControl() {}

  static TrainingControl of(
      Path run, int epochs, ImageSamples samples, float[] predictions, int classes) {
    return (TrainingControl)
        Proxy.newProxyInstance(
            TrainingControl.class.getClassLoader(),
            new Class<?>[] {TrainingControl.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "runDirectory" -> run;
                  case "epochs" -> epochs;
                  case "validationSamples" -> Optional.ofNullable(samples);
                  case "predict" -> predictions;
                  case "numClasses" -> classes;
                  case "log", "logToFile" -> null;
                  default -> throw new AssertionError("unexpected call " + method.getName());
                });
  }
}
