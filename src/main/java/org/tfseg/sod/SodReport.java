package org.tfseg.sod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Dataset-level PySODMetrics values, per-image values and the dataset-mean curves.
 *
 * <p>Curves have 256 entries; index k is the threshold level {@code 255 − k} on the 8-bit scale
 * (see {@link #thresholds()}), so they run from the strictest threshold to the loosest.
 */
public final class SodReport {
  /** The nine dataset keys, in report order (the names PySODMetrics' examples print). */
  public static final List<String> KEYS =
      List.of(
          "MAE", "Smeasure", "wFmeasure", "adpFm", "meanFm", "maxFm", "adpEm", "meanEm", "maxEm");

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ImageScores dataset;
  private final Map<String, ImageScores> perImage;
  private final double[] precision;
  private final double[] recall;
  private final double[] fmeasure;
  private final double[] emeasure;

  SodReport(
      ImageScores dataset,
      Map<String, ImageScores> perImage,
      double[] precision,
      double[] recall,
      double[] fmeasure,
      double[] emeasure) {
    this.dataset = dataset;
    this.perImage = Collections.unmodifiableMap(perImage);
    this.precision = precision;
    this.recall = recall;
    this.fmeasure = fmeasure;
    this.emeasure = emeasure;
  }

  /** The nine dataset values keyed by {@link #KEYS}. */
  public Map<String, Double> values() {
    return dataset.asMap();
  }

  public double value(String key) {
    Double v = values().get(key);
    if (v == null) {
      throw new IllegalArgumentException("unknown metric " + key + "; known: " + KEYS);
    }
    return v;
  }

  public ImageScores dataset() {
    return dataset;
  }

  /** Per-image values by image id, in the order the images were added. */
  public Map<String, ImageScores> perImage() {
    return perImage;
  }

  public double[] precisionCurve() {
    return precision.clone();
  }

  public double[] recallCurve() {
    return recall.clone();
  }

  public double[] fmeasureCurve() {
    return fmeasure.clone();
  }

  public double[] emeasureCurve() {
    return emeasure.clone();
  }

  /** Threshold of curve index k as a fraction, {@code (255 − k) / 255}. */
  public static double[] thresholds() {
    double[] t = new double[ThresholdCounts.LEVELS];
    for (int k = 0; k < t.length; k++) {
      t[k] = (255 - k) / 255.0;
    }
    return t;
  }

  /**
   * JSON with exactly the nine keys at top level, then {@code per_image} (id → nine values) and
   * {@code curves} (thresholds and the dataset-mean precision, recall, F and E curves).
   */
  public String toJson() {
    return toJson(true);
  }

  /** As {@link #toJson()}, with or without the {@code curves} object. */
  public String toJson(boolean withCurves) {
    ObjectNode root = JSON.createObjectNode();
    values().forEach(root::put);
    ObjectNode images = root.putObject("per_image");
    perImage.forEach(
        (id, s) -> {
          ObjectNode o = images.putObject(id);
          s.asMap().forEach(o::put);
        });
    if (withCurves) {
      ObjectNode curves = root.putObject("curves");
      putArray(curves.putArray("thresholds"), thresholds());
      putArray(curves.putArray("precision"), precision);
      putArray(curves.putArray("recall"), recall);
      putArray(curves.putArray("fmeasure"), fmeasure);
      putArray(curves.putArray("emeasure"), emeasure);
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static void putArray(ArrayNode node, double[] a) {
    for (double v : a) {
      node.add(v);
    }
  }

  /** An aligned two-column text table of the nine dataset values (6 decimals). */
  public String toTable() {
    return table(values(), perImage.size() + " images");
  }

  static String table(Map<String, Double> values, String caption) {
    int width = "metric".length();
    for (String k : values.keySet()) {
      width = Math.max(width, k.length());
    }
    StringBuilder sb = new StringBuilder();
    String fmt = "%-" + width + "s  %10s%n";
    sb.append(String.format(Locale.ROOT, fmt, "metric", "value"));
    sb.append("-".repeat(width)).append("  ").append("-".repeat(10)).append('\n');
    values.forEach(
        (k, v) ->
            sb.append(String.format(Locale.ROOT, fmt, k, String.format(Locale.ROOT, "%.6f", v))));
    sb.append('(').append(caption).append(")\n");
    return sb.toString();
  }
}
