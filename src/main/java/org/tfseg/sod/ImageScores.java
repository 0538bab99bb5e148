package org.tfseg.sod;

import java.util.LinkedHashMap;
import java.util.Map;

/** The nine PySODMetrics values of one image (curve values are this image's max and mean). */
public record ImageScores(
    double mae,
    double smeasure,
    double wFmeasure,
    double adpFm,
    double meanFm,
    double maxFm,
    double adpEm,
    double meanEm,
    double maxEm) {

  /** The values under the report keys, in {@link SodReport#KEYS} order. */
  public Map<String, Double> asMap() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("MAE", mae);
    m.put("Smeasure", smeasure);
    m.put("wFmeasure", wFmeasure);
    m.put("adpFm", adpFm);
    m.put("meanFm", meanFm);
    m.put("maxFm", maxFm);
    m.put("adpEm", adpEm);
    m.put("meanEm", meanEm);
    m.put("maxEm", maxEm);
    return m;
  }
}
