package org.tfseg.train.distribute;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Server;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.ClusterDef;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.JobDef;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.proto.ServerDef;
import org.tensorflow.types.TFloat64;
import org.tfseg.UserError;
import org.tfseg.runtime.NativeLogs;

/**
 * This process as a worker of the {@link TfConfig} cluster: TF's gRPC server on this worker's
 * address, sessions on it (only this task's devices visible; worker 0 leads the collective groups),
 * and a watchdog. Every run that holds collectives is armed with the timeout: a worker that dies
 * makes the survivors' collectives fail within tens of milliseconds, but a worker whose group
 * leader never started waits forever in TF (no TF timeout bounds it), so when a run does not return
 * in time the watchdog prints one line naming the worker that does not answer and ends the JVM with
 * {@value ClusterFailure#EXIT_CODE}. {@code Server.stop()} is not implemented in TF 2.18 ("Clean
 * shutdown is not currently implemented"): the server lives until the process exits.
 */
public final class WorkerCluster implements ClusterLink {
  private static final String JOB = "worker";
  private static final int HANDSHAKE_GROUP = 2;
  private static final Pattern TASK = Pattern.compile("/job:worker/replica:0/task:(\\d+)");

  private final TfConfig config;
  private final double timeoutSeconds;
  private final PrintStream err;
  private final Object lock = new Object();
  private long deadline = Long.MAX_VALUE;
  private String activity = "";

  private WorkerCluster(TfConfig config, double timeoutSeconds, PrintStream err) {
    this.config = config;
    this.timeoutSeconds = timeoutSeconds;
    this.err = err;
  }

  /**
   * Starts this worker's TF server and the watchdog. A port that cannot be bound is a {@link
   * UserError} (exit 2).
   */
  public static WorkerCluster start(TfConfig config, double timeoutSeconds, PrintStream err) {
    WorkerCluster c = new WorkerCluster(config, timeoutSeconds, err);
    JobDef.Builder job = JobDef.newBuilder().setName(JOB);
    for (int i = 0; i < config.workers().size(); i++) {
      job.putTasks(i, config.workers().get(i));
    }
    ServerDef def =
        ServerDef.newBuilder()
            .setCluster(ClusterDef.newBuilder().addJob(job))
            .setJobName(JOB)
            .setTaskIndex(config.index())
            .setProtocol("grpc")
            .setDefaultSessionConfig(c.sessionConfig(null))
            .build();
    try {
      new Server(def).start();
    } catch (TensorFlowException e) {
      throw new UserError(
          "worker "
              + config.index()
              + " cannot serve on "
              + config.address()
              + " (port in use?): "
              + firstLine(e.getMessage()));
    }
    Thread watchdog = new Thread(c::watch, "tfseg-cluster-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    return c;
  }

  public TfConfig config() {
    return config;
  }

  @Override
  public int worker() {
    return config.index();
  }

  @Override
  public int workers() {
    return config.workers().size();
  }

  @Override
  public Collectives collectives(int groupKey) {
    return new Collectives(
        workers(),
        groupKey,
        "/job:worker/replica:0/task:" + worker() + "/device:CPU:0",
        timeoutSeconds);
  }

  @Override
  public Session openSession(Graph graph, ConfigProto config) {
    return GrpcSessions.open(graph, "grpc://" + this.config.address(), sessionConfig(config));
  }

  /** Only this task's devices, worker 0 the collectives' group leader, {@code base}'s counts. */
  private ConfigProto sessionConfig(ConfigProto base) {
    ConfigProto.Builder b = base == null ? ConfigProto.newBuilder() : base.toBuilder();
    b.clearDeviceFilters().addDeviceFilters("/job:worker/task:" + worker());
    b.getExperimentalBuilder().setCollectiveGroupLeader("/job:worker/replica:0/task:0");
    return b.build();
  }

  @Override
  public Result run(Session.Runner runner, long graphKey) {
    RunOptions.Builder options = RunOptions.newBuilder();
    options.getExperimentalBuilder().setCollectiveGraphKey(graphKey);
    runner.setOptions(options.build());
    arm("a training step");
    try {
      return runner.run();
    } catch (TensorFlowException e) {
      throw new ClusterFailure(failureMessage(e), e);
    } finally {
      disarm();
    }
  }

  /**
   * Every worker checks that all workers train the same experiment: each contributes the hash of
   * {@code fingerprint} (the resolved experiment and whether it resumes) to an all-reduce, which is
   * also the startup barrier (bounded by the watchdog). Disagreement is a {@link UserError}.
   */
  public void checkAgreement(String fingerprint) {
    long hash = hash(fingerprint);
    int n = workers();
    double[] mine = new double[4 * n];
    for (int k = 0; k < 4; k++) {
      mine[4 * worker() + k] = (hash >>> (16 * k)) & 0xffff; // exact in float64
    }
    double[] all;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Operand<TFloat64> sum = collectives(HANDSHAKE_GROUP).sum(tf, tf.constant(mine));
      try (Session s = openSession(g, null)) {
        RunOptions.Builder options = RunOptions.newBuilder();
        options.getExperimentalBuilder().setCollectiveGraphKey(HANDSHAKE_GROUP);
        arm("startup, waiting for every worker to join");
        try (Result r = s.runner().fetch(sum).setOptions(options.build()).run()) {
          TFloat64 t = (TFloat64) r.get(0);
          all = new double[4 * n];
          for (int i = 0; i < all.length; i++) {
            all[i] = t.getDouble(i);
          }
        } catch (TensorFlowException e) {
          throw new ClusterFailure(failureMessage(e), e);
        } finally {
          disarm();
        }
      }
    }
    List<Integer> differ = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      for (int k = 0; k < 4; k++) {
        if (all[4 * w + k] != mine[4 * worker() + k]) {
          differ.add(w);
          break;
        }
      }
    }
    if (!differ.isEmpty()) {
      throw new UserError(
          "the workers disagree on the experiment: worker(s) "
              + differ
              + " resolved a different experiment (or resume) than worker "
              + worker()
              + "; start every worker with the same experiment file, --set options and --resume");
    }
  }

  private void arm(String what) {
    synchronized (lock) {
      activity = what;
      deadline = System.nanoTime() + (long) (timeoutSeconds * 1e9);
    }
  }

  private void disarm() {
    synchronized (lock) {
      deadline = Long.MAX_VALUE;
    }
  }

  private void watch() {
    while (true) {
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        return;
      }
      String what;
      synchronized (lock) {
        if (System.nanoTime() < deadline) {
          continue;
        }
        what = activity;
      }
      err.println(
          "tfseg: error: "
              + suspects()
              + " did not answer within "
              + seconds()
              + " s ("
              + what
              + "); worker "
              + worker()
              + " stops (exit "
              + ClusterFailure.EXIT_CODE
              + ")");
      err.flush();
      NativeLogs.halt(ClusterFailure.EXIT_CODE);
    }
  }

  /** The workers whose port does not accept connections, or "a worker of the cluster". */
  private String suspects() {
    List<String> down = new ArrayList<>();
    for (int i = 0; i < workers(); i++) {
      if (i != worker() && !listening(i)) {
        down.add("worker " + i + " (" + config.workers().get(i) + ")");
      }
    }
    return down.isEmpty() ? others() : String.join(", ", down);
  }

  /** The other worker, or "one of" the others. */
  private String others() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < workers(); i++) {
      if (i != worker()) {
        all.add("worker " + i + " (" + config.workers().get(i) + ")");
      }
    }
    return all.size() == 1 ? all.get(0) : "one of " + String.join(", ", all);
  }

  private String seconds() {
    return String.format(Locale.ROOT, "%.0f", timeoutSeconds);
  }

  private boolean listening(int i) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(config.host(i), config.port(i)), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** One line: the worker that failed (by its port, else by TF's message) and TF's reason. */
  private String failureMessage(TensorFlowException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    String who = null;
    for (int i = 0; i < workers() && who == null; i++) {
      if (i != worker() && !listening(i)) {
        who = "worker " + i + " (" + config.workers().get(i) + ") is unreachable";
      }
    }
    Matcher m = TASK.matcher(message);
    while (who == null && m.find()) {
      int task = Integer.parseInt(m.group(1));
      if (task != worker() && task < workers()) {
        who = "worker " + task + " (" + config.workers().get(task) + ") failed";
      }
    }
    if (who == null && message.contains("timed out")) {
      who = others() + " did not answer within " + seconds() + " s"; // alive but frozen
    }
    if (who == null) {
      who = "the cluster failed";
    }
    return who + ": " + firstLine(message) + " (worker " + worker() + " stops)";
  }

  /** TF's message on one line: without its "From /job:…:" prefixes and GRPC details, cut short. */
  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    String line =
        s.replaceAll("From /job:\\S+:", " ")
            .replaceAll("(?s)Additional GRPC error information.*", "")
            .replace(
                "The error could be from a previous operation. Restart your program to reset.", "")
            .replaceAll("\\[\\[\\{\\{node [^}]*}}]]", "")
            .replaceAll("\\s+", " ")
            .strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  private static long hash(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      long h = 0;
      for (int i = 0; i < 8; i++) {
        h = (h << 8) | (d[i] & 0xff);
      }
      return h;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
