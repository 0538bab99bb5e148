package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.tfseg.UserError;

class SplitCarverTest {
  private static final List<SamplePair> ALL =
      IntStream.range(0, 103)
          .mapToObj(i -> String.format("s%03d", i))
          .map(id -> new SamplePair(id, Path.of(id + ".jpg"), Path.of(id + ".png")))
          .toList();

  private static List<String> ids(List<SamplePair> part) {
    return part.stream().map(SamplePair::id).toList();
  }

  @Test
  void partsAreDisjointCoveringSizedAndSorted() {
    SplitCarver.Carved c = SplitCarver.carve(ALL, 42, 0.1, 0.2);
    assertEquals(10, c.validation().size()); // round(10.3)
    assertEquals(21, c.test().size()); // round(20.6)
    assertEquals(72, c.train().size());
    Set<String> union = new HashSet<>();
    for (List<SamplePair> part : List.of(c.train(), c.validation(), c.test())) {
      List<String> ids = ids(part);
      assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
      for (String id : ids) {
        assertTrue(union.add(id), id + " in two parts");
      }
    }
    assertEquals(new HashSet<>(ids(ALL)), union);
  }

  @Test
  void deterministicForASeedRegardlessOfInputOrderAndSeedDependent() {
    List<SamplePair> reversed = new ArrayList<>(ALL);
    Collections.reverse(reversed);
    SplitCarver.Carved a = SplitCarver.carve(ALL, 7, 0.2, 0.1);
    assertEquals(a, SplitCarver.carve(reversed, 7, 0.2, 0.1));
    assertNotEquals(a.validation(), SplitCarver.carve(ALL, 8, 0.2, 0.1).validation());
    // Pinned output of this implementation: a changed permutation would silently move samples
    // between the train and validation sets of existing experiments.
    assertEquals(
        List.of("s002", "s007", "s019", "s023", "s041", "s056", "s068", "s081", "s091", "s099"),
        ids(SplitCarver.carve(ALL, 7, 0.1, 0).validation()));
  }

  @Test
  void zeroFractionsGiveEmptyPartsAndBadFractionsAreUserErrors() {
    SplitCarver.Carved c = SplitCarver.carve(ALL, 1, 0, 0);
    assertEquals(ALL, c.train());
    assertTrue(c.validation().isEmpty() && c.test().isEmpty());
    assertThrows(UserError.class, () -> SplitCarver.carve(ALL, 1, 0.7, 0.4));
    assertThrows(UserError.class, () -> SplitCarver.carve(ALL, 1, -0.1, 0));
    assertThrows(UserError.class, () -> SplitCarver.carve(ALL, 1, Double.NaN, 0));
  }

  @Test
  void sortedCarvingKeepsFileOrderAsTheKerasBasNetExample() {
    List<SamplePair> first140 = new ArrayList<>(ALL.subList(0, 100));
    first140.addAll(
        IntStream.range(0, 40)
            .mapToObj(i -> String.format("t%03d", i))
            .map(id -> new SamplePair(id, Path.of(id + ".jpg"), Path.of(id + ".png")))
            .toList());
    List<SamplePair> reversed = new ArrayList<>(first140);
    Collections.reverse(reversed);
    SplitCarver.Carved c = SplitCarver.carveSorted(reversed, 0.1, 0.0);
    // Python: images[:int(140 * 0.9)], images[int(140 * 0.9):]
    assertEquals(ids(first140.subList(0, 126)), ids(c.train()));
    assertEquals(ids(first140.subList(126, 140)), ids(c.validation()));
    assertEquals(List.of(), c.test());
    SplitCarver.Carved three = SplitCarver.carveSorted(ALL, 0.1, 0.2);
    assertEquals(ids(ALL.subList(0, 72)), ids(three.train()));
    assertEquals(ids(ALL.subList(72, 82)), ids(three.validation()));
    assertEquals(ids(ALL.subList(82, 103)), ids(three.test()));
  }
}
