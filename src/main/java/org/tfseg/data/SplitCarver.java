package org.tfseg.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.tfseg.UserError;

/**
 * Carves validation and test subsets out of one list with a seeded permutation. SplittableRandom
 * (SplitMix64) gives the same permutation on every JVM for a seed, and the input is sorted by id
 * first, so the split depends only on the set of samples and the seed.
 */
public final class SplitCarver {
  /** The three parts, each sorted by id. */
  public record Carved(
      List<SamplePair> train, List<SamplePair> validation, List<SamplePair> test) {}

  private SplitCarver() {}

  /** Validation gets the first round(n·vf) permuted samples, test the next round(n·tf). */
  public static Carved carve(
      List<SamplePair> all, long seed, double validationFraction, double testFraction) {
    requireFraction("validation fraction", validationFraction);
    requireFraction("test fraction", testFraction);
    if (validationFraction + testFraction > 1.0) {
      throw new UserError(
          "validation fraction "
              + validationFraction
              + " + test fraction "
              + testFraction
              + " exceeds 1");
    }
    List<SamplePair> shuffled = new ArrayList<>(all);
    shuffled.sort(Comparator.comparing(SamplePair::id));
    permute(shuffled, new SplittableRandom(seed));
    int n = shuffled.size();
    int nVal = (int) Math.round(n * validationFraction);
    int nTest = Math.min((int) Math.round(n * testFraction), n - nVal);
    return new Carved(
        sorted(shuffled.subList(nVal + nTest, n)),
        sorted(shuffled.subList(0, nVal)),
        sorted(shuffled.subList(nVal, nVal + nTest)));
  }

  /**
   * Without shuffling: sorted by id, train is the first {@code n − nVal − nTest} samples, then
   * validation, then test (sizes rounded as in {@link #carve}). The Keras BASNet example's {@code
   * sorted(glob)[:140]} split 90/10 is this with a validation fraction of 0.1.
   */
  public static Carved carveSorted(
      List<SamplePair> all, double validationFraction, double testFraction) {
    requireFraction("validation fraction", validationFraction);
    requireFraction("test fraction", testFraction);
    List<SamplePair> sorted = sorted(all);
    int n = sorted.size();
    int nVal = (int) Math.round(n * validationFraction);
    int nTest = Math.min((int) Math.round(n * testFraction), n - nVal);
    int nTrain = n - nVal - nTest;
    return new Carved(
        sorted.subList(0, nTrain),
        sorted.subList(nTrain, nTrain + nVal),
        sorted.subList(nTrain + nVal, n));
  }

  /** Fisher–Yates shuffle in place. */
  static <T> void permute(List<T> list, SplittableRandom random) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private static void requireFraction(String name, double value) {
    if (!(value >= 0.0 && value <= 1.0)) {
      throw new UserError(name + " " + value + " is not between 0 and 1");
    }
  }

  private static List<SamplePair> sorted(List<SamplePair> part) {
    List<SamplePair> copy = new ArrayList<>(part);
    copy.sort(Comparator.comparing(SamplePair::id));
    return List.copyOf(copy);
  }
}
