package org.tfseg.data;

import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.tfseg.UserError;

/**
 * Checks every image/mask pair of a run before its first step ({@link ImageHeader}: present,
 * complete, a readable kind, within the pixel limit; mask and image of one size; no 16-bit label
 * image, whose class values would lose their low byte), so that a bad file stops the run at once in
 * one line naming it rather than at step 3,000. What needs a full decode (a corrupt JPEG scan) is
 * still named by the pipeline when it meets it.
 */
public final class PairScan {
  /** Progress is reported this many times over a scan at most. */
  private static final int REPORTS = 100;

  private PairScan() {}

  /**
   * @param limitName the key that sets {@code maxPixels}, for messages
   * @param progress receives the number of pairs checked so far, now and then and at the end
   * @throws UserError naming the first file with a problem
   */
  public static void check(
      List<SamplePair> pairs, long maxPixels, String limitName, IntConsumer progress) {
    int every = Math.max(1, pairs.size() / REPORTS);
    for (int i = 0; i < pairs.size(); i++) {
      SamplePair pair = pairs.get(i);
      ImageHeader image = ImageHeader.read(pair.image(), maxPixels, limitName);
      ImageHeader mask = ImageHeader.read(pair.mask(), maxPixels, limitName);
      if (image.width() != mask.width() || image.height() != mask.height()) {
        throw new UserError(
            pair.mask()
                + ": mask is "
                + mask.size()
                + " (WxH) but its image "
                + pair.image()
                + " is "
                + image.size());
      }
      if (pair.labels() != null && mask.format().equals("png") && mask.bitDepth() == 16) {
        throw new UserError(
            pair.mask()
                + ": a 16-bit label image; its class values would be read by their high byte"
                + " (save it as 8-bit)");
      }
      if ((i + 1) % every == 0 || i + 1 == pairs.size()) {
        progress.accept(i + 1);
      }
    }
  }

  /** "{@code scanning 480 image/mask pairs: 37%}". */
  public static String progressLine(int done, int total) {
    return String.format(
        Locale.ROOT,
        "scanning %d image/mask pairs: %d%%",
        total,
        total == 0 ? 100 : 100L * done / total);
  }
}
