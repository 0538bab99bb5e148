package org.tfseg.weights;

import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;

/**
 * The outcome of pairing a Keras weights file with a model's variables.
 *
 * @param tensors variables that get a value
 * @param values scalars in them
 * @param missing model variables without a file weight (they would keep their random init)
 * @param unexpected file weights no variable takes (e.g. layers after the deepest feature)
 * @param shapeMismatches pairs whose shapes differ, as {@code variable [shape] ← weight [shape]}
 */
public record ImportReport(
    Path file,
    ImportMode mode,
    int tensors,
    long values,
    List<String> missing,
    List<String> unexpected,
    List<String> shapeMismatches) {

  /** Every model variable gets a value of its shape; unexpected file weights are allowed. */
  public boolean complete() {
    return missing.isEmpty() && shapeMismatches.isEmpty();
  }

  /**
   * @throws UserError naming the file and the first problems, if not {@link #complete()}
   */
  public void requireComplete() {
    if (!complete()) {
      throw new UserError(
          file
              + ": does not fit the model ("
              + mode
              + "): "
              + count(shapeMismatches, "shape mismatches")
              + ", "
              + count(missing, "missing weights"));
    }
  }

  /** A few lines for the log. */
  public String summary() {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            "%s: %d tensors (%,d values) imported %s",
            file,
            tensors,
            values,
            mode == ImportMode.BY_NAME ? "by name" : "by position (names differ)"));
    append(sb, "shape mismatches", shapeMismatches);
    append(sb, "missing", missing);
    append(sb, "unexpected (not used)", unexpected);
    return sb.toString();
  }

  private static String count(List<String> items, String what) {
    String s = items.size() + " " + what;
    return items.isEmpty()
        ? s
        : s + " " + items.subList(0, Math.min(3, items.size())) + (items.size() > 3 ? "…" : "");
  }

  private static void append(StringBuilder sb, String title, List<String> items) {
    if (!items.isEmpty()) {
      sb.append(System.lineSeparator())
          .append("  ")
          .append(title)
          .append(" (")
          .append(items.size())
          .append("): ")
          .append(String.join(", ", items.subList(0, Math.min(10, items.size()))))
          .append(items.size() > 10 ? ", …" : "");
    }
  }
}
