package org.tfseg.task;

import java.nio.file.Path;
import java.util.List;
import org.tfseg.config.DataConfig;
import org.tfseg.data.source.DutsSourceConfig;
import org.tfseg.data.source.FolderSourceConfig;
import org.tfseg.data.source.OxfordPetSourceConfig;
import org.tfseg.data.source.SourceConfig;
import org.tfseg.config.Split;
import org.tfseg.config.SplitOrder;
import org.tfseg.data.source.SyntheticSourceConfig;
import org.tfseg.data.source.DutsLayout;
import org.tfseg.data.source.FolderPairs;
import org.tfseg.data.source.OxfordPetLayout;
import org.tfseg.data.SamplePair;
import org.tfseg.data.SplitCarver;
import org.tfseg.data.source.SyntheticSalientData;

/**
 * The train / validation / test sample lists of an experiment: each split from its own source, or
 * carved from train by the configured fractions with the experiment seed. Paths are relative to
 * the working directory. Synthetic sources are generated on first use.
 */
public record DataSplits(List<SamplePair> train, List<SamplePair> validation, List<SamplePair> test) {

  public static DataSplits resolve(DataConfig data, long seed) {
    List<SamplePair> all = list(data.train());
    SplitCarver.Carved carved = data.splitOrder() == SplitOrder.SORTED
        ? SplitCarver.carveSorted(all, data.validationHoldout(), data.testHoldout())
        : SplitCarver.carve(all, seed, data.validationHoldout(), data.testHoldout());
    List<SamplePair> validation = data.validation() != null ? list(data.validation()) : carved.validation();
    List<SamplePair> test = data.test() != null ? list(data.test()) : carved.test();
    return new DataSplits(carved.train(), validation, test);
  }

  public List<SamplePair> get(Split split) {
    return switch (split) {
      case TRAIN -> train;
      case VALIDATION -> validation;
      case TEST -> test;
    };
  }

  static List<SamplePair> list(SourceConfig source) {
    List<SamplePair> pairs;
    Integer limit = null;
    if (source instanceof DutsSourceConfig d) {
      pairs = DutsLayout.list(Path.of(d.root()), d.subset());
      limit = d.limit();
    } else if (source instanceof FolderSourceConfig f) {
      pairs = FolderPairs.list(Path.of(f.images()), Path.of(f.masks()));
      limit = f.limit();
    } else if (source instanceof OxfordPetSourceConfig o) {
      pairs = OxfordPetLayout.list(Path.of(o.root()), o.split());
      limit = o.limit();
    } else if (source instanceof SyntheticSourceConfig s) {
      Path root = Path.of(s.root());
      pairs = SyntheticSalientData.generate(root, s.count(), s.size().height(), s.size().width(), s.seed());
    } else {
      throw new IllegalArgumentException("no data layout registered for " + source);
    }
    return limit == null || limit >= pairs.size() ? pairs : pairs.subList(0, limit);
  }
}
