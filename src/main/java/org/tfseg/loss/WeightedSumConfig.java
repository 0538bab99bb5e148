package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * {@code Σ wᵢ·Lᵢ} over the same outputs ({@code "type": "weighted_sum"}).
 *
 * @param terms the weighted losses (required, at least one)
 */
@JsonTypeName("weighted_sum")
public record WeightedSumConfig(List<WeightedTermConfig> terms) implements LossConfig {
  public WeightedSumConfig {
    Check.required(terms, "terms");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new InvalidConfigException("terms", "needs at least one term");
    }
  }

  @Override
  public Loss build() {
    return new WeightedSum(
        terms.stream().map(t -> new WeightedSum.Term(t.loss().build(), t.weight())).toList());
  }

  @Override
  public boolean coversAllOutputs() {
    return terms.stream().anyMatch(t -> t.loss().coversAllOutputs());
  }

  @Override
  public void checkClasses(int classes, String key) {
    for (int i = 0; i < terms.size(); i++) {
      terms.get(i).loss().checkClasses(classes, key + ".terms[" + i + "].loss");
    }
  }

  @Override
  public void checkNested(int outputs, String key) {
    for (int i = 0; i < terms.size(); i++) {
      terms.get(i).loss().checkNested(outputs, key + ".terms[" + i + "].loss");
    }
  }
}
