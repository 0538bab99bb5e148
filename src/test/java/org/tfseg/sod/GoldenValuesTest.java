package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tfseg.testing.SharedData;

/** PySODMetrics' golden values on its own three test pairs. */
class GoldenValuesTest {
  private static SodReport report;
  private static JsonNode expected;

  @BeforeAll
  static void evaluate() throws Exception {
    Path dir = SharedData.dir("sod-metrics-golden");
    expected = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
    report = PredictionDirEvaluator.evaluate(dir.resolve("preds"), dir.resolve("masks"));
  }

  @Test
  void datasetValuesMatchTo1e9() {
    JsonNode ds = expected.get("dataset");
    double worst = 0;
    for (String key : SodReport.KEYS) {
      double want = ds.get(key).asDouble();
      double got = report.value(key);
      worst = Math.max(worst, Math.abs(want - got));
      assertEquals(want, got, 1e-9, key);
    }
    System.out.println("golden dataset max |diff| = " + worst);
  }

  @Test
  void perImageValuesMatchTo1e9() {
    JsonNode per = expected.get("per_image");
    assertEquals(per.size(), report.perImage().size());
    double worst = 0;
    for (Iterator<String> it = per.fieldNames(); it.hasNext(); ) {
      String id = it.next();
      Map<String, Double> got = report.perImage().get(id).asMap();
      for (String key : SodReport.KEYS) {
        double want = per.get(id).get(key).asDouble();
        worst = Math.max(worst, Math.abs(want - got.get(key)));
        // expected.json rounds per-image values to 10 decimals.
        assertEquals(want, got.get(key), 1e-9, id + " " + key);
      }
    }
    System.out.println("golden per-image max |diff| = " + worst);
  }

  @Test
  void jsonHasTheNineKeysAtTopLevel() throws Exception {
    JsonNode json = new ObjectMapper().readTree(report.toJson());
    List<String> names = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    assertEquals(SodReport.KEYS, names.subList(0, 9));
    assertEquals(List.of("per_image", "curves"), names.subList(9, names.size()));
    for (String key : SodReport.KEYS) {
      assertEquals(report.value(key), json.get(key).asDouble(), 0.0, key);
    }
    assertEquals(
        report.perImage().get("19.png").smeasure(),
        json.get("per_image").get("19.png").get("Smeasure").asDouble(),
        0.0);
    assertEquals(256, json.get("curves").get("precision").size());
  }
}
