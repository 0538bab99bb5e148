package org.tfseg.data;

import java.util.List;
import org.tfseg.config.DataConfig;
import org.tfseg.config.Split;
import org.tfseg.config.SplitOrder;

/**
 * The train / validation / test sample lists of an experiment: each split from its own source, or
 * carved from train by the configured fractions with the experiment seed. Paths are relative to the
 * working directory. Synthetic sources are generated on first use.
 */
public record DataSplits(
    List<SamplePair> train, List<SamplePair> validation, List<SamplePair> test) {

  public static DataSplits resolve(DataConfig data, long seed) {
    List<SamplePair> all = data.train().list();
    SplitCarver.Carved carved =
        data.splitOrder() == SplitOrder.SORTED
            ? SplitCarver.carveSorted(all, data.validationHoldout(), data.testHoldout())
            : SplitCarver.carve(all, seed, data.validationHoldout(), data.testHoldout());
    List<SamplePair> validation =
        data.validation() != null ? data.validation().list() : carved.validation();
    List<SamplePair> test = data.test() != null ? data.test().list() : carved.test();
    return new DataSplits(carved.train(), validation, test);
  }

  public List<SamplePair> get(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case VALIDATION -> validation;
      case TEST -> test;
    };
  }
}
