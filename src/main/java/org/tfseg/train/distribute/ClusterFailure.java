package org.tfseg.train.distribute;

/**
 * Another worker of the cluster failed or stopped answering: the message names it. The process ends
 * with exit code {@value #EXIT_CODE}; after a collective failed, TF's collectives in this process
 * are aborted for good, so the cluster is restarted (with {@code --resume}).
 */
public final class ClusterFailure extends RuntimeException {
  /** The exit code of a worker whose cluster failed. */
  public static final int EXIT_CODE = 3;

  public ClusterFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
