package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.tfseg.testing.SharedData;

class BasNetProtocolTest {
  @Test
  void goldenSetMaxFIsThePaperToolValue() throws Exception {
    Path dir = SharedData.dir("sod-metrics-golden");
    BasNetReport r = BasNetProtocol.evaluate(dir.resolve("preds"), dir.resolve("masks"));
    System.out.println(r.toTable());
    assertEquals(0.590174, r.maxFm(), 1e-6);
    // Same images under PySODMetrics give 0.588678: the protocols really differ.
    assertTrue(Math.abs(r.maxFm() - 0.5886784581120638) > 1e-3);
    JsonNode json = new ObjectMapper().readTree(r.toJson());
    assertEquals("basnet", json.get("protocol").asText());
    assertEquals(r.maxFm(), json.get("maxFm").asDouble(), 0.0);
    assertEquals(255, json.get("curves").get("fmeasure").size());
  }
}
