package org.tfseg.train.distribute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.UserError;

/** TF_CONFIG as MultiWorkerMirroredStrategy reads it; each malformed value names its problem. */
class TfConfigTest {
  @Test
  void parsesTheWorkerList() {
    TfConfig c =
        TfConfig.parse(
            "{\"cluster\": {\"worker\": [\"hosta:2222\", \"127.0.0.1:2223\"]},"
                + " \"task\": {\"type\": \"worker\", \"index\": 1}}");
    assertEquals(List.of("hosta:2222", "127.0.0.1:2223"), c.workers());
    assertEquals(1, c.index());
    assertEquals("127.0.0.1", c.host(1));
    assertEquals(2223, c.port(1));
    assertTrue(TfConfig.parse(c0()).chief());
  }

  @Test
  void malformedValuesNameTheProblem() {
    bad("not json", "is not JSON");
    bad("[1]", "must be a JSON object");
    bad("{\"task\": {\"type\": \"worker\", \"index\": 0}}", "needs \"cluster\"");
    bad("{\"cluster\": {\"worker\": []}}", "non-empty list");
    bad("{\"cluster\": {\"worker\": [\"h:1\"], \"ps\": [\"h:2\"]}}", "job \"ps\" is not supported");
    bad("{\"cluster\": {\"worker\": [\"h\"]}}", "cluster.worker[0] must be \"host:port\"");
    bad("{\"cluster\": {\"worker\": [\"h:1\", \"h:1\"]}}", "listed twice");
    bad("{\"cluster\": {\"worker\": [\"h:70000\"]}}", "out of range");
    bad("{\"cluster\": {\"worker\": [\"h:1\"]}}", "needs \"task\"");
    bad(
        "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"chief\", \"index\": 0}}",
        "task.type must be \"worker\"");
    bad(
        "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"worker\", \"index\": \"0\"}}",
        "task.index must be an integer");
    bad(
        "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"worker\", \"index\": 1}}",
        "task.index 1 is not a worker");
  }

  private static String c0() {
    return "{\"cluster\": {\"worker\": [\"h:1\"]}, \"task\": {\"type\": \"worker\", \"index\": 0}}";
  }

  private static void bad(String value, String problem) {
    UserError e = assertThrows(UserError.class, () -> TfConfig.parse(value));
    assertTrue(e.getMessage().startsWith("TF_CONFIG "), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
  }
}
