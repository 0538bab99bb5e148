package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * BASNet ({@code "architecture": "basnet"}): a ResNet-34-based prediction module with seven deeply
 * supervised side outputs and a residual refinement module, as the Keras example (seed 004) builds
 * it. It has {@value BasNet#OUTPUTS} outputs (refined first), so its loss must cover all of them
 * ({@code deep_supervision} or {@code basnet_hybrid}), and {@code data.image_size} (and any random
 * crop) must be a multiple of {@value BasNet#SIZE_MULTIPLE}.
 *
 * @param filters base width: encoder stages {@code filters·1, 2, 4, 8}, decoder {@code filters·8}
 *     (16..1024, default 64; narrower widths crash TF's native kernels in training, see below)
 * @param refineFilters width of the residual refinement module (1..1024, default 64)
 * @param numClasses output channels (>= 1, default 1)
 * @param batchNorm BatchNorm momentum and epsilon (default: every layer's Keras default)
 */
@JsonTypeName("basnet")
public record BasNetConfig(
    Integer filters, Integer refineFilters, Integer numClasses, BatchNormConfig batchNorm)
    implements ModelConfig {
  public BasNetConfig {
    batchNorm = Check.orDefault(batchNorm, BatchNormConfig.defaults());
    filters = Check.orDefault(filters, 64);
    refineFilters = Check.orDefault(refineFilters, 64);
    numClasses = Check.orDefault(numClasses, 1);
    // Measured with TF Java 1.1.0 (TF 2.18, oneDNN CPU kernels): training a prediction module
    // narrower than 16 corrupts the native heap ("double free or corruption") at inputs of 64²
    // and more, killing the JVM; 16 and wider train normally. Refuse it here instead.
    Check.inRange(filters, 16, 1024, "filters");
    Check.inRange(refineFilters, 1, 1024, "refine_filters");
    Check.atLeast(numClasses, 1, "num_classes");
  }

  @Override
  public SegmentationModel build() {
    return new BasNet(filters, refineFilters, numClasses);
  }
}
