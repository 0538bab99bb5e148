package org.tfseg.model.encoder;

/** What every encoder here shares: registry name, variable scope, preprocessing, layer naming. */
abstract class KerasEncoder implements Encoder {
  private final String name;
  private final String scope;
  private final Preprocessing preprocessing;

  KerasEncoder(String name, String scope, Preprocessing preprocessing) {
    this.name = name;
    this.scope = scope;
    this.preprocessing = preprocessing;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String scope() {
    return scope;
  }

  @Override
  public final Preprocessing preprocessing() {
    return preprocessing;
  }

  /** The name of Keras layer {@code layer} in the store: {@code scope/layer}. */
  final String n(String layer) {
    return Encoder.scoped(scope, layer);
  }

  static int positiveWidth(int width) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be positive");
    }
    return width;
  }
}
