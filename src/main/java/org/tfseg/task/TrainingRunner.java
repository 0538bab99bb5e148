package org.tfseg.task;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tfseg.UserError;
import org.tfseg.callback.BatchNormWarmupHint;
import org.tfseg.callback.Callback;
import org.tfseg.callback.CallbackList;
import org.tfseg.callback.EpochLogger;
import org.tfseg.callback.History;
import org.tfseg.callback.LastCheckpoint;
import org.tfseg.callback.ProgbarLogger;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.data.DataSplits;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.Shard;
import org.tfseg.model.ModelSummary;
import org.tfseg.model.PretrainedWeights;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;
import org.tfseg.train.Replication;
import org.tfseg.train.Trainer;
import org.tfseg.train.TrainingGraph;
import org.tfseg.train.TrainingOptions;
import org.tfseg.train.distribute.ReplicatedTraining;
import org.tfseg.train.distribute.TfConfig;
import org.tfseg.train.distribute.WorkerCluster;
import org.tfseg.viz.CurvesCallback;
import org.tfseg.viz.PanelsCallback;
import org.tfseg.viz.PredictionPanels;

/**
 * Trains a task (TF Model Garden's {@code train_lib.run_experiment}): a new numbered run folder
 * with the resolved experiment, or an existing one resumed from its {@code last} checkpoint; the
 * training graph built once, pretrained weights imported into a fresh run, and the loop run with
 * the default callbacks: the progress bar and the epoch log line first; history, the pictures
 * ({@code curves.png}, {@code panels/epoch-NNN.png} of the first validation images) and the {@code
 * last} / {@code final} checkpoints after the experiment's own callbacks (as Keras appends
 * History), so they see what those add to the logs and the weights they restore.
 *
 * <p>With {@code training.distribution} replicas and/or as a worker of a {@link TfConfig} cluster,
 * the training tower is replicated ({@link ReplicatedTraining}); every worker reads its {@link
 * Shard} of each global batch and validates on the whole validation split (so every worker's
 * callbacks see the same values and decide alike). Only worker 0, the chief, writes the run folder;
 * the others write theirs to a temporary folder ({@link WorkerRunFolder}).
 */
public final class TrainingRunner {
  private final SegmentationTask task;
  private final PrintStream console;
  private final boolean interactive;
  private final TfConfig cluster;

  /**
   * @param interactive whether {@code console} is a terminal (progress bars redrawn in place)
   */
  public TrainingRunner(SegmentationTask task, PrintStream console, boolean interactive) {
    this(task, console, interactive, null);
  }

  /**
   * @param cluster the cluster this process is a worker of ({@link TfConfig#fromEnvironment()});
   *     null for a single process
   */
  public TrainingRunner(
      SegmentationTask task, PrintStream console, boolean interactive, TfConfig cluster) {
    this.task = task;
    this.console = console;
    this.interactive = interactive;
    this.cluster = cluster;
  }

  /** Trains in a new run folder {@code <run_root>/<name>/run-NNN}. */
  public TrainingResult train() throws IOException {
    return run(null);
  }

  /** Continues the run in {@code runDir} from its {@code last} checkpoint. */
  public TrainingResult resume(Path runDir) throws IOException {
    return run(runDir);
  }

  private TrainingResult run(Path resume) throws IOException {
    Experiment e = task.experiment();
    Optional<PretrainedWeights> pretrained =
        resume == null ? task.model().pretrained() : Optional.empty();
    pretrained.ifPresent(PretrainedWeights::requireFile);
    DataSplits splits = task.splits();
    if (splits.train().isEmpty()) {
      throw new UserError("the training split is empty");
    }
    var dist = e.training().distribution();
    int workers = cluster == null ? 1 : cluster.workers().size();
    if (e.training().batchSize() < workers * dist.replicas()) {
      throw new UserError(
          "training.batch_size "
              + e.training().batchSize()
              + " is smaller than the "
              + workers * dist.replicas()
              + " replicas it is split over ("
              + workers
              + " worker(s) × "
              + dist.replicas()
              + ")");
    }
    WorkerCluster worker = null;
    if (cluster != null) {
      worker = WorkerCluster.start(cluster, dist.timeoutSeconds(), System.err);
      worker.checkAgreement(ExperimentLoader.toJson(e) + "\nresume: " + (resume != null));
    }
    boolean chief = cluster == null || cluster.chief();
    RunDirectory run =
        chief
            ? resume != null ? RunDirectory.open(resume) : newRun(e)
            : WorkerRunFolder.create(e, resume, cluster.index());
    Replication replication = null;
    if (worker != null || dist.replicas() > 1) {
      List<String> devices =
          dist.devices() != null
              ? dist.devices()
              : java.util.Collections.nCopies(dist.replicas(), (String) null);
      replication =
          worker != null
              ? ReplicatedTraining.worker(devices, dist.syncBatchNorm(), worker)
              : ReplicatedTraining.local(devices, dist.syncBatchNorm());
    }
    Shard shard =
        cluster == null ? null : new Shard(cluster.index(), workers, e.training().batchSize());
    // A run stopped inside its first epoch has no history file yet.
    History history =
        resume != null && Files.exists(run.historyJson())
            ? History.load(run.historyCsv(), run.historyJson())
            : new History(run.historyCsv(), run.historyJson());
    try (RunLog log = run.openLog(console);
        TrainingGraph graph = new TrainingGraph(task.trainingSpec(), replication);
        InputPipeline trainData = task.pipeline(splits.train(), true, shard);
        InputPipeline valData =
            splits.validation().isEmpty() ? null : task.pipeline(splits.validation(), false)) {
      ModelSummary s = graph.summary();
      log.line(
          "tfseg: "
              + (resume != null ? "resuming " : "training ")
              + e.name()
              + " in "
              + run.root());
      log.line(
          String.format(
                  "data: %d train, %d validation, %d test samples at %dx%d; batch %d",
                  splits.train().size(),
                  splits.validation().size(),
                  splits.test().size(),
                  task.height(),
                  task.width(),
                  e.training().batchSize())
              + (e.data().augmentation() != null
                  ? "; training augmented, at " + e.data().trainingSize()
                  : ""));
      if (cluster != null || dist.replicas() > 1) {
        log.line(
            String.format(
                "distribution: %s%d replica(s)%s, per-replica batch %s, BatchNorm statistics %s",
                cluster == null
                    ? ""
                    : "worker "
                        + cluster.index()
                        + " of "
                        + workers
                        + (chief ? " (chief)" : " (writes no run folder)")
                        + " at "
                        + cluster.address()
                        + ", ",
                dist.replicas(),
                dist.devices() == null ? "" : " on " + String.join(", ", dist.devices()),
                perReplica(e.training().batchSize(), workers * dist.replicas()),
                dist.syncBatchNorm() ? "of the global batch" : "per replica"));
      }
      log.line(
          String.format(
              "model: %s, %s params (%s trainable, %s non-trainable)",
              s.name(),
              ModelSummary.group(s.total()),
              ModelSummary.group(s.trainable()),
              ModelSummary.group(s.nonTrainable())));
      if (pretrained.isPresent()) {
        log.line(
            "encoder weights: " + pretrained.get().load(graph.session(), graph.store()).summary());
      }
      var t = e.training();
      Trainer trainer =
          new Trainer(
              graph,
              trainData,
              valData,
              new TrainingOptions(
                  t.epochs(),
                  t.stepsPerEpoch(),
                  t.validationSteps(),
                  t.maxSteps(),
                  t.checkpoints().keep()),
              callbacks(history),
              run,
              log);
      if (resume != null) {
        trainer.resume();
      }
      Map<String, Double> last = trainer.fit();
      log.line("finished: " + EpochLogger.format(last));
      log.line("checkpoints: " + run.checkpointsDir() + "; history: " + run.historyCsv());
      return new TrainingResult(run, last);
    }
  }

  private static String perReplica(int batch, int replicas) {
    int low = batch / replicas;
    return batch % replicas == 0 ? String.valueOf(low) : low + "–" + (low + 1);
  }

  private CallbackList callbacks(History history) {
    List<Callback> all = new ArrayList<>();
    all.add(new ProgbarLogger(console, interactive));
    all.add(new EpochLogger());
    all.add(new BatchNormWarmupHint(task.experiment().model().batchNorm().effectiveMomentum()));
    all.addAll(task.callbacks());
    all.add(history);
    all.add(new CurvesCallback(history));
    all.add(new PanelsCallback(PredictionPanels.DEFAULT_IMAGES));
    var c = task.experiment().training().checkpoints();
    all.add(new LastCheckpoint(c.everySteps(), c.everyMinutes()));
    return new CallbackList(all);
  }

  private static RunDirectory newRun(Experiment e) throws IOException {
    RunDirectory run = RunDirectory.createNext(Path.of(e.runRoot()), e.name());
    Files.writeString(run.experimentFile(), ExperimentLoader.toJson(e));
    return run;
  }
}
