package org.tfseg.sod;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Results of {@link BasNetProtocol}. Not comparable with {@link SodReport}: the JSON says so with
 * {@code "protocol": "basnet"}. Curves have 255 entries; index k is the threshold {@code pred·255 ≥
 * 254 − k}.
 */
public final class BasNetReport {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final double mae;
  private final double maxFm;
  private final double meanFm;
  private final double relaxFbm;
  private final double[] precision;
  private final double[] recall;
  private final double[] fmeasure;
  private final Map<String, double[]> perImage;

  BasNetReport(
      double mae,
      double maxFm,
      double meanFm,
      double relaxFbm,
      double[] precision,
      double[] recall,
      double[] fmeasure,
      Map<String, double[]> perImage) {
    this.mae = mae;
    this.maxFm = maxFm;
    this.meanFm = meanFm;
    this.relaxFbm = relaxFbm;
    this.precision = precision;
    this.recall = recall;
    this.fmeasure = fmeasure;
    this.perImage = Collections.unmodifiableMap(perImage);
  }

  public double mae() {
    return mae;
  }

  public double maxFm() {
    return maxFm;
  }

  public double meanFm() {
    return meanFm;
  }

  /** Mean relaxed boundary F-measure (ρ = 3). */
  public double relaxFbm() {
    return relaxFbm;
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

  /** The scalar values in report order. */
  public Map<String, Double> values() {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("MAE", mae);
    m.put("maxFm", maxFm);
    m.put("meanFm", meanFm);
    m.put("relaxFbm", relaxFbm);
    return m;
  }

  public String toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("protocol", "basnet");
    root.put(
        "about",
        "BASNet/U2-Net paper protocol (Binary-Segmentation-Evaluation-Tool): x/(max+1e-8)"
            + " normalisation, 255 bins, dataset-mean P and R before F, relaxed boundary F rho=3."
            + " Not comparable with PySODMetrics values.");
    values().forEach(root::put);
    ObjectNode images = root.putObject("per_image");
    perImage.forEach(
        (id, v) -> {
          ObjectNode o = images.putObject(id);
          o.put("MAE", v[0]);
          o.put("relaxFb", v[1]);
        });
    ObjectNode curves = root.putObject("curves");
    double[] t = new double[BasNetProtocol.BINS];
    for (int k = 0; k < t.length; k++) {
      t[k] = (BasNetProtocol.BINS - 1 - k) / 255.0;
    }
    SodReport.putArray(curves.putArray("thresholds"), t);
    SodReport.putArray(curves.putArray("precision"), precision);
    SodReport.putArray(curves.putArray("recall"), recall);
    SodReport.putArray(curves.putArray("fmeasure"), fmeasure);
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public String toTable() {
    return SodReport.table(values(), perImage.size() + " images, protocol basnet");
  }
}
