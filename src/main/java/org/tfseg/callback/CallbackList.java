package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Callbacks called in order, as one (Keras' {@code CallbackList}); their checkpointed states are
 * kept as one JSON array in list order.
 */
public final class CallbackList implements Callback {
  private final List<Callback> callbacks;

  public CallbackList(List<? extends Callback> callbacks) {
    this.callbacks = List.copyOf(callbacks);
  }

  public List<Callback> callbacks() {
    return callbacks;
  }

  /** The first callback of {@code type}, if the list holds one. */
  public <T extends Callback> java.util.Optional<T> find(Class<T> type) {
    return callbacks.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    callbacks.forEach(c -> c.onTrainBegin(control));
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs, TrainingControl control) {
    callbacks.forEach(c -> c.onTrainEnd(logs, control));
  }

  @Override
  public void onEpochBegin(int epoch, TrainingControl control) {
    callbacks.forEach(c -> c.onEpochBegin(epoch, control));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    callbacks.forEach(c -> c.onEpochEnd(epoch, logs, control));
  }

  @Override
  public void onTrainBatchBegin(int batch, TrainingControl control) {
    callbacks.forEach(c -> c.onTrainBatchBegin(batch, control));
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {
    callbacks.forEach(c -> c.onTrainBatchEnd(batch, logs, control));
  }

  @Override
  public void onTestBegin(TrainingControl control) {
    callbacks.forEach(c -> c.onTestBegin(control));
  }

  @Override
  public void onTestEnd(Map<String, Double> logs, TrainingControl control) {
    callbacks.forEach(c -> c.onTestEnd(logs, control));
  }

  @Override
  public void onTestBatchBegin(int batch, TrainingControl control) {
    callbacks.forEach(c -> c.onTestBatchBegin(batch, control));
  }

  @Override
  public void onTestBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {
    callbacks.forEach(c -> c.onTestBatchEnd(batch, logs, control));
  }

  /** Each callback's state (null for stateless ones), in list order. */
  @Override
  public ArrayNode state() {
    ArrayNode states = JsonNodeFactory.instance.arrayNode();
    callbacks.forEach(c -> states.add(c.state()));
    return states;
  }

  /** Gives each callback its entry of {@link #state()}; a missing or null entry is skipped. */
  @Override
  public void restoreState(JsonNode states) {
    List<Callback> list = new ArrayList<>(callbacks);
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = states == null ? null : states.get(i);
      if (s != null && !s.isNull()) {
        list.get(i).restoreState(s);
      }
    }
  }
}
