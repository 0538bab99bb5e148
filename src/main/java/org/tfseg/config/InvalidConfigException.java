package org.tfseg.config;

/**
 * A config value breaks a rule (range, required key, cross-field constraint). Thrown by record
 * constructors; {@link ExperimentLoader} turns it into a {@link org.tfseg.UserError} that names the
 * file and the JSON path ({@code $.<path to the record>.<key>}).
 */
public final class InvalidConfigException extends IllegalArgumentException {
  private final String key;
  private final String problem;

  /**
   * @param key the offending JSON key relative to the record (may carry an index, {@code size[0]}),
   *     or null if the problem concerns the record as a whole
   * @param problem what is wrong, e.g. {@code must be >= 1, got 0}
   */
  public InvalidConfigException(String key, String problem) {
    super(key == null ? problem : key + ": " + problem);
    this.key = key;
    this.problem = problem;
  }

  public String key() {
    return key;
  }

  public String problem() {
    return problem;
  }
}
