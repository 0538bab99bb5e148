package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Smooth Dice loss ({@code "type": "dice"}): per image on a sigmoid output, SMP's multi-class Dice
 * on a softmax output.
 *
 * @param smooth added to numerator and denominator of the Dice ratio (default 1, >= 0)
 * @param classWeights one weight per class, multi-class models (optional: all 1)
 */
@JsonTypeName("dice")
public record DiceConfig(Double smooth, List<Double> classWeights) implements LossConfig {
  public DiceConfig {
    smooth = Check.orDefault(smooth, 1.0);
    Check.atLeast(smooth, 0, "smooth");
    ClassWeights.of(classWeights, 0, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  @Override
  public Loss build() {
    return new Dice(smooth, ClassWeights.of(classWeights, 0, "class_weights"));
  }

  @Override
  public void checkClasses(int classes, String key) {
    ClassWeights.checkClasses(classWeights, classes, key + ".class_weights");
  }
}
