package org.tfseg.train.distribute;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Builds the training towers of several replicas in lock step, for BatchNorm statistics over all of
 * them: a layer of replica 0 needs the inputs of that layer in every replica, but a model builds
 * one whole tower per call. So each replica's tower is built on a thread of its own, and the
 * threads take strict turns — replica 0 builds until its first BatchNorm {@link #exchange}, then
 * replica 1 until the same exchange, …, the last one combines the statistics, and replica 0
 * continues. Only one thread touches the graph at a time and always in the same order, so the graph
 * is the same on every build (and on every worker).
 */
final class Lockstep {
  private final int parties;
  private final List<Object> results = new ArrayList<>();
  private final List<Object> deposits = new ArrayList<>();
  private final int[] rounds;
  private String roundName;
  private int turn;
  private int finished;
  private Throwable failure;

  private Lockstep(int parties) {
    this.parties = parties;
    this.rounds = new int[parties];
  }

  /**
   * Runs {@code build} for replicas {@code 0..parties-1} in lock step and returns their results in
   * replica order; {@code build} gets this object for its {@link #exchange} calls.
   */
  static <T> List<T> run(int parties, Function<Lockstep, IntFunction<T>> build) {
    Lockstep step = new Lockstep(parties);
    IntFunction<T> tower = build.apply(step);
    Object[] out = new Object[parties];
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < parties; t++) {
      int replica = t;
      Thread thread =
          new Thread(
              () -> {
                try {
                  step.awaitTurn(replica);
                  out[replica] = tower.apply(replica);
                  step.finish(replica, null);
                } catch (Throwable e) {
                  step.finish(replica, e);
                }
              },
              "tfseg-replica-" + t);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while building the replicas", e);
      }
    }
    if (step.failure instanceof RuntimeException r) {
      throw r;
    }
    if (step.failure instanceof Error e) {
      throw e;
    }
    if (step.failure != null) {
      throw new IllegalStateException(step.failure);
    }
    @SuppressWarnings("unchecked")
    List<T> list = (List<T>) Arrays.asList(out);
    return list;
  }

  /**
   * Called by replica {@code replica} with its part; returns {@code combine} of every replica's
   * part (in replica order), built by the last replica. Every replica makes the same exchanges, in
   * the same order, under the same {@code name}.
   */
  synchronized <P, R> R exchange(int replica, String name, P part, Function<List<P>, R> combine) {
    if (finished > 0) {
      throw new IllegalStateException(
          "replica " + replica + " exchanges '" + name + "' after another replica finished");
    }
    if (replica == 0) {
      deposits.clear();
      roundName = name;
    } else if (!name.equals(roundName)) {
      throw new IllegalStateException(
          "replica "
              + replica
              + " exchanges '"
              + name
              + "' where replica 0 did '"
              + roundName
              + "'");
    }
    deposits.add(part);
    if (replica == parties - 1) {
      @SuppressWarnings("unchecked")
      List<P> parts = (List<P>) new ArrayList<>(deposits);
      results.add(combine.apply(parts));
    }
    int round = rounds[replica]++;
    pass(replica);
    awaitTurn(replica);
    @SuppressWarnings("unchecked")
    R result = (R) results.get(round);
    return result;
  }

  private synchronized void awaitTurn(int replica) {
    while (turn != replica) {
      if (failure != null) {
        throw new Cancelled();
      }
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Cancelled();
      }
    }
    if (failure != null) {
      throw new Cancelled();
    }
  }

  private synchronized void pass(int replica) {
    turn = (replica + 1) % parties;
    notifyAll();
  }

  private synchronized void finish(int replica, Throwable error) {
    if (error != null && !(error instanceof Cancelled) && failure == null) {
      failure = error;
    }
    if (error == null) {
      finished++;
      if (finished < parties && turn == replica) {
        pass(replica);
      }
    }
    notifyAll();
  }

  /** Ends a replica's build because another one failed. */
  private static final class Cancelled extends RuntimeException {
    Cancelled() {
      super(null, null, false, false);
    }
  }
}
