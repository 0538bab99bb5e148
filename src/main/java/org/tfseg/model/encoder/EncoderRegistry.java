package org.tfseg.model.encoder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tfseg.UserError;

/**
 * Encoders by config name. An {@link Encoder} instance carries its own metadata (feature channels
 * and strides, preprocessing, expected weights file) and builds nothing until asked, so {@code
 * create(name, scope)} also serves to look that metadata up.
 */
public final class EncoderRegistry {
  private static final Map<String, Function<String, Encoder>> BUILDERS = new LinkedHashMap<>();

  static {
    BUILDERS.put(MobileNetV2.NAME, MobileNetV2::new);
    BUILDERS.put(ResNet34.NAME, ResNet34::new);
    BUILDERS.put(ResNet50.NAME, ResNet50::new);
  }

  private EncoderRegistry() {}

  public static List<String> names() {
    return List.copyOf(BUILDERS.keySet());
  }

  /**
   * @param scope variable-name prefix of the encoder's weights, e.g. {@code encoder}
   * @throws UserError for an unknown name, listing the valid ones
   */
  public static Encoder create(String name, String scope) {
    Function<String, Encoder> builder = BUILDERS.get(name);
    if (builder == null) {
      throw new UserError(
          "unknown encoder \"" + name + "\"; valid encoders: " + String.join(", ", names()));
    }
    return builder.apply(scope);
  }
}
