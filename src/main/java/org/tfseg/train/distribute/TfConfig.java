package org.tfseg.train.distribute;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import org.tfseg.UserError;

/**
 * The cluster in the {@code TF_CONFIG} environment variable, in the format {@code
 * tf.distribute.MultiWorkerMirroredStrategy} reads: {@code {"cluster": {"worker": ["host:port",
 * …]}, "task": {"type": "worker", "index": i}}}. Worker 0 is the chief (a separate {@code chief}
 * job is not supported: list the chief as worker 0). A malformed value is a {@link UserError} (exit
 * 2) naming the problem.
 *
 * @param workers every worker's {@code host:port}, in task order
 * @param index this process's task index
 */
public record TfConfig(List<String> workers, int index) {
  /** The environment variable. */
  public static final String VARIABLE = "TF_CONFIG";

  private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._\\-\\[\\]:]+:\\d{1,5}");

  public TfConfig {
    workers = List.copyOf(workers);
  }

  /** The chief writes the run folder, checkpoints, history and TensorBoard. */
  public boolean chief() {
    return index == 0;
  }

  /** This worker's {@code host:port}. */
  public String address() {
    return workers.get(index);
  }

  /** The port of worker {@code i}'s address. */
  public int port(int i) {
    String a = workers.get(i);
    return Integer.parseInt(a.substring(a.lastIndexOf(':') + 1));
  }

  /** The host of worker {@code i}'s address (brackets of an IPv6 literal removed). */
  public String host(int i) {
    String a = workers.get(i);
    return a.substring(0, a.lastIndexOf(':')).replace("[", "").replace("]", "");
  }

  /** {@code TF_CONFIG} of this process, or null when it is unset or blank (a single process). */
  public static TfConfig fromEnvironment() {
    String value = System.getenv(VARIABLE);
    return value == null || value.isBlank() ? null : parse(value);
  }

  /** Parses a {@code TF_CONFIG} value. */
  public static TfConfig parse(String value) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw bad("is not JSON (" + e.getOriginalMessage() + ")");
    }
    if (root == null || !root.isObject()) {
      throw bad("must be a JSON object with \"cluster\" and \"task\"");
    }
    JsonNode cluster = root.get("cluster");
    if (cluster == null || !cluster.isObject()) {
      throw bad("needs \"cluster\": {\"worker\": [\"host:port\", ...]}");
    }
    for (Iterator<String> jobs = cluster.fieldNames(); jobs.hasNext(); ) {
      String job = jobs.next();
      if (!job.equals("worker")) {
        throw bad(
            "cluster job \""
                + job
                + "\" is not supported: tfseg trains with workers only (worker 0 is the chief)");
      }
    }
    JsonNode list = cluster.get("worker");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw bad("cluster.worker must be a non-empty list of \"host:port\"");
    }
    List<String> workers = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode a = list.get(i);
      if (!a.isTextual() || !ADDRESS.matcher(a.asText()).matches()) {
        throw bad("cluster.worker[" + i + "] must be \"host:port\", got " + a);
      }
      int port = Integer.parseInt(a.asText().substring(a.asText().lastIndexOf(':') + 1));
      if (port < 1 || port > 65535) {
        throw bad("cluster.worker[" + i + "]: port " + port + " is out of range");
      }
      if (workers.contains(a.asText())) {
        throw bad("cluster.worker[" + i + "]: " + a.asText() + " is listed twice");
      }
      workers.add(a.asText());
    }
    JsonNode task = root.get("task");
    if (task == null || !task.isObject()) {
      throw bad("needs \"task\": {\"type\": \"worker\", \"index\": i}");
    }
    JsonNode type = task.get("type");
    if (type == null || !type.asText().equals("worker")) {
      throw bad("task.type must be \"worker\", got " + type);
    }
    JsonNode index = task.get("index");
    if (index == null || !index.canConvertToInt() || !index.isIntegralNumber()) {
      throw bad("task.index must be an integer, got " + index);
    }
    if (index.asInt() < 0 || index.asInt() >= workers.size()) {
      throw bad(
          "task.index "
              + index.asInt()
              + " is not a worker of the cluster (0.."
              + (workers.size() - 1)
              + ")");
    }
    return new TfConfig(workers, index.asInt());
  }

  private static UserError bad(String problem) {
    return new UserError(VARIABLE + " " + problem);
  }
}
