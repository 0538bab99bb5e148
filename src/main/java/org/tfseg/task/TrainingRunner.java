package org.tfseg.task;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
import org.tfseg.data.PairScan;
import org.tfseg.data.SamplePair;
import org.tfseg.data.Shard;
import org.tfseg.graph.Precision;
import org.tfseg.io.AtomicFiles;
import org.tfseg.model.ModelSummary;
import org.tfseg.model.PretrainedWeights;
import org.tfseg.run.CheckpointCheck;
import org.tfseg.run.ResumeCheck;
import org.tfseg.run.ResumePoint;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;
import org.tfseg.train.Replication;
import org.tfseg.train.Trainer;
import org.tfseg.train.TrainingGraph;
import org.tfseg.train.TrainingInterrupted;
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

  /**
   * Everything that can be refused is checked before the run folder is touched: a resume's
   * experiment against the run's own ({@link ResumeCheck}) and its checkpoints ({@link
   * ResumePoint}), every image/mask pair ({@link PairScan}), the graph, the pipelines and the
   * pretrained weights. A run that still fails before its first checkpoint says so in its log;
   * {@code eval} and {@code export} pass it over.
   */
  private TrainingResult run(Path resume) throws IOException {
    Experiment e = task.experiment();
    RunDirectory resumed = resume != null ? RunDirectory.open(resume) : null;
    List<String> changes = resumed != null ? ResumeCheck.require(resumed, e) : List.of();
    Optional<PretrainedWeights> pretrained =
        resume == null ? task.model().pretrained() : Optional.empty();
    pretrained.ifPresent(PretrainedWeights::requireFile);
    DataSplits splits = task.splits();
    if (splits.train().isEmpty()) {
      throw new UserError("the training split is empty");
    }
    String scanned = scan(splits);
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
    if (workers * dist.replicas() > 1 && e.training().precision() != Precision.FLOAT32) {
      throw new UserError(
          "training.precision "
              + e.training().precision().name().toLowerCase(java.util.Locale.ROOT)
              + " is not supported with several replicas or workers yet; train them in float32");
    }
    WorkerCluster worker = null;
    if (cluster != null) {
      worker = WorkerCluster.start(cluster, dist.timeoutSeconds(), System.err);
      worker.checkAgreement(ExperimentLoader.toJson(e) + "\nresume: " + (resume != null));
    }
    boolean chief = cluster == null || cluster.chief();
    Shard shard =
        cluster == null ? null : new Shard(cluster.index(), workers, e.training().batchSize());
    try (TrainingGraph graph = new TrainingGraph(task.trainingSpec(), replication(worker))) {
      if (resumed != null) {
        ResumePoint.require(resumed, CheckpointCheck.variables(graph.session().graph()));
      }
      String imported =
          pretrained.isPresent()
              ? pretrained.get().load(graph.session(), graph.store()).summary()
              : null;
      RunDirectory run =
          !chief
              ? WorkerRunFolder.create(e, resume, cluster.index())
              : resumed != null ? resumed : newRun(e);
      if (!changes.isEmpty()) { // the run's experiment.json describes what it trains
        AtomicFiles.writeString(run.experimentFile(), ExperimentLoader.toJson(e));
      }
      // A run stopped inside its first epoch has no history file yet.
      History history =
          resumed != null && Files.exists(run.historyJson())
              ? History.load(run.historyCsv(), run.historyJson())
              : new History(run.historyCsv(), run.historyJson());
      Path cache = run.root().resolve("cache"); // filled lazily, on the first epoch
      try (RunLog log = run.openLog(console);
          InputPipeline trainData =
              task.pipeline(splits.train(), true, cache.resolve("train"), shard);
          InputPipeline valData =
              splits.validation().isEmpty()
                  ? null
                  : task.pipeline(splits.validation(), false, cache.resolve("validation"))) {
        try {
          return train(
              e,
              splits,
              graph,
              trainData,
              valData,
              run,
              log,
              history,
              imported,
              scanned,
              distributionLine(),
              changes,
              resumed != null);
        } catch (RuntimeException failure) {
          logFailure(run, log, failure);
          throw failure;
        }
      }
    }
  }

  private TrainingResult train(
      Experiment e,
      DataSplits splits,
      TrainingGraph graph,
      InputPipeline trainData,
      InputPipeline valData,
      RunDirectory run,
      RunLog log,
      History history,
      String imported,
      String scanned,
      String distributed,
      List<String> changes,
      boolean resume) {
    ModelSummary s = graph.summary();
    log.line("tfseg: " + (resume ? "resuming " : "training ") + e.name() + " in " + run.root());
    changes.forEach(c -> log.line("resume: " + c));
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
    log.line(scanned);
    if (distributed != null) {
      log.line(distributed);
    }
    log.line(
        String.format(
            "model: %s, %s params (%s trainable, %s non-trainable)",
            s.name(),
            ModelSummary.group(s.total()),
            ModelSummary.group(s.trainable()),
            ModelSummary.group(s.nonTrainable())));
    if (imported != null) {
      log.line("encoder weights: " + imported);
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
                t.checkpoints().keep(),
                t.lossUpperBound(),
                t.lossGrowthFactor()),
            callbacks(history),
            run,
            log);
    if (resume) {
      trainer.resume();
    }
    Map<String, Double> last = trainer.fit();
    log.line("finished: " + EpochLogger.format(last));
    log.line("checkpoints: " + run.checkpointsDir() + "; history: " + run.historyCsv());
    return new TrainingResult(run, last);
  }

  /** The replicated training tower, or null for the single tower. */
  private Replication replication(WorkerCluster worker) {
    var d = task.experiment().training().distribution();
    if (worker == null && d.replicas() == 1) {
      return null;
    }
    List<String> devices =
        d.devices() != null
            ? d.devices()
            : java.util.Collections.nCopies(d.replicas(), (String) null);
    return worker != null
        ? ReplicatedTraining.worker(devices, d.syncBatchNorm(), worker)
        : ReplicatedTraining.local(devices, d.syncBatchNorm());
  }

  /** The log line describing the replicas and this worker; null for the single tower. */
  private String distributionLine() {
    var d = task.experiment().training().distribution();
    if (cluster == null && d.replicas() == 1) {
      return null;
    }
    int workers = cluster == null ? 1 : cluster.workers().size();
    int batch = task.experiment().training().batchSize();
    int replicas = workers * d.replicas();
    int low = batch / replicas;
    return String.format(
        "distribution: %s%d replica(s)%s, per-replica batch %s, BatchNorm statistics %s",
        cluster == null
            ? ""
            : "worker "
                + cluster.index()
                + " of "
                + workers
                + (cluster.chief() ? " (chief)" : " (writes no run folder)")
                + " at "
                + cluster.address()
                + ", ",
        d.replicas(),
        d.devices() == null ? "" : " on " + String.join(", ", d.devices()),
        batch % replicas == 0 ? String.valueOf(low) : low + "–" + (low + 1),
        d.syncBatchNorm() ? "of the global batch" : "per replica");
  }

  /** Says in the log why the run stopped, and whether it has a checkpoint to show for it. */
  private static void logFailure(RunDirectory run, RunLog log, RuntimeException failure) {
    if (failure instanceof TrainingInterrupted) {
      return; // it saved a checkpoint and says how to resume
    }
    String reason = failure.getMessage() == null ? failure.toString() : failure.getMessage();
    log.line(
        (failure instanceof Trainer.TrainingDiverged ? "training diverged: " : "stopped: ")
            + reason.lines().findFirst().orElse(""));
    if (run.findPreferredCheckpoint().isEmpty()) {
      log.line(
          "this run failed before its first checkpoint; eval and export use the newest run that"
              + " has one");
    }
  }

  /** Checks every train and validation pair; a progress line on a terminal. */
  private String scan(DataSplits splits) {
    List<SamplePair> pairs = new ArrayList<>(splits.train());
    pairs.addAll(splits.validation());
    long start = System.nanoTime();
    int[] width = {0};
    PairScan.check(
        pairs,
        task.experiment().data().maxImagePixels(),
        "data.max_image_pixels",
        done -> {
          if (interactive) {
            String line = PairScan.progressLine(done, pairs.size());
            width[0] = line.length();
            console.print("\r" + line);
            console.flush();
          }
        });
    if (interactive) {
      console.print("\r" + " ".repeat(width[0]) + "\r");
    }
    return String.format(
        Locale.ROOT,
        "data: all %d train and validation image/mask pairs checked in %.1f s",
        pairs.size(),
        (System.nanoTime() - start) / 1e9);
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
    AtomicFiles.writeString(run.experimentFile(), ExperimentLoader.toJson(e));
    return run;
  }
}
