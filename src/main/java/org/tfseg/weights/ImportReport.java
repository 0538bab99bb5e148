package org.tfseg.weights;

import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;

/**
 * The outcome of pairing a Keras weights file with a model's variables.
 *
 * @param match how layers were to be paired
 * @param layers every model layer that found a file layer, in model order, with how it found it
 * @param unmatched model layers (names below the scope) that found no file layer: their variables
 *     are {@code missing}
 * @param tensors variables that get a value
 * @param values scalars in them
 * @param missing model variables without a file weight (they would keep their random init)
 * @param unexpected file weights no variable takes (e.g. layers after the deepest feature)
 * @param shapeMismatches pairs whose shapes differ, as {@code variable [shape] ← weight [shape]}
 */
public record ImportReport(
    Path file,
    MatchMode match,
    List<LayerMatch> layers,
    List<String> unmatched,
    int tensors,
    long values,
    List<String> missing,
    List<String> unexpected,
    List<String> shapeMismatches) {

  /** Every model variable gets a value of its shape; unexpected file weights are allowed. */
  public boolean complete() {
    return missing.isEmpty() && shapeMismatches.isEmpty();
  }

  /** How the import as a whole paired layers. */
  public ImportMode mode() {
    boolean byName = layers.stream().anyMatch(l -> l.how() == ImportMode.BY_NAME);
    boolean byPosition = !byPosition().isEmpty();
    if (byName && byPosition) {
      return ImportMode.BY_NAME_AND_POSITION;
    }
    return byPosition || match == MatchMode.POSITION ? ImportMode.BY_POSITION : ImportMode.BY_NAME;
  }

  /** The layers paired by position, in model order. */
  public List<LayerMatch> byPosition() {
    return layers.stream().filter(l -> l.how() == ImportMode.BY_POSITION).toList();
  }

  /**
   * @throws UserError naming the file and the first problems (one line), if not {@link #complete()}
   */
  public void requireComplete() {
    if (!complete()) {
      throw new UserError(
          file
              + ": does not fit the model ("
              + mode()
              + "): "
              + count(shapeMismatches, "shape mismatches")
              + ", "
              + count(missing, "missing weights")
              + (unmatched.isEmpty() ? "" : "; " + unmatchedTitle() + ": " + first(unmatched, 10)));
    }
  }

  /** A few lines for the log: what was imported, each layer paired by position, the problems. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format("%s: %d tensors (%,d values) imported %s", file, tensors, values, how()));
    List<LayerMatch> byPosition = byPosition();
    if (!byPosition.isEmpty()) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(layerCount(byPosition.size()))
          .append(" matched by position: ")
          .append(String.join(", ", byPosition.stream().map(LayerMatch::toString).toList()));
    }
    append(sb, "shape mismatches", shapeMismatches);
    append(sb, unmatchedTitle(), unmatched);
    append(sb, "missing", missing);
    append(sb, "unexpected (not used)", unexpected);
    return sb.toString();
  }

  private String how() {
    return switch (mode()) {
      case BY_NAME -> "by name";
      case BY_POSITION ->
          match == MatchMode.POSITION ? "by position" : "by position (names differ)";
      case BY_NAME_AND_POSITION ->
          "by name, " + layerCount(byPosition().size()) + " by position (names differ)";
    };
  }

  private String unmatchedTitle() {
    return switch (match) {
      case NAME -> "layer names not in the file (match \"name\"; \"auto\" pairs them by position)";
      case POSITION -> "layers beyond the file's weighted layers";
      case AUTO -> "layers found neither by name nor by position";
    };
  }

  private static String layerCount(int n) {
    return n + (n == 1 ? " layer" : " layers");
  }

  private static String count(List<String> items, String what) {
    String s = items.size() + " " + what;
    return items.isEmpty()
        ? s
        : s + " " + items.subList(0, Math.min(3, items.size())) + (items.size() > 3 ? "…" : "");
  }

  private static String first(List<String> items, int n) {
    return String.join(", ", items.subList(0, Math.min(n, items.size())))
        + (items.size() > n ? ", …" : "");
  }

  private static void append(StringBuilder sb, String title, List<String> items) {
    if (!items.isEmpty()) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(title)
          .append(" (")
          .append(items.size())
          .append("): ")
          .append(first(items, 10));
    }
  }
}
