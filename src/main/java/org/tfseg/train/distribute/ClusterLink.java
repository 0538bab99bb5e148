package org.tfseg.train.distribute;

import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.proto.ConfigProto;

/** What a replicated training graph needs of the cluster it is a worker of. */
interface ClusterLink {
  /** This worker's index; 0 is the chief. */
  int worker();

  /** Workers in the cluster. */
  int workers();

  /** A fresh set of collectives for one graph on this worker. */
  Collectives collectives(int groupKey);

  /** A session on this worker's TF server, with {@code config}'s device counts. */
  Session openSession(Graph graph, ConfigProto config);

  /**
   * Runs a step whose graph holds collectives: with the cluster's run options, under the watchdog,
   * a failure of the cluster turned into a {@link ClusterFailure} naming the worker.
   */
  Result run(Session.Runner runner, long graphKey);
}
