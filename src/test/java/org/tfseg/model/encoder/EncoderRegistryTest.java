package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.tfseg.UserError;

class EncoderRegistryTest {
  @Test
  void namesMapToEncodersWithTheirMetadata() {
    assertEquals(List.of("mobilenet_v2", "resnet34", "resnet50"), EncoderRegistry.names());
    Encoder m = EncoderRegistry.create("mobilenet_v2", "encoder");
    assertEquals("encoder", m.scope());
    assertEquals(Preprocessing.TF, m.preprocessing());
    assertEquals(
        Optional.of("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5"),
        m.weightsFile());
    assertEquals(
        List.of(2, 4, 8, 16, 32), m.featureSpecs().stream().map(FeatureSpec::stride).toList());
    Encoder r = EncoderRegistry.create("resnet50", "");
    assertEquals(Preprocessing.CAFFE, r.preprocessing());
    assertEquals(
        Optional.of("resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5"), r.weightsFile());
    assertEquals(Optional.empty(), EncoderRegistry.create("resnet34", "").weightsFile());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    UserError e = assertThrows(UserError.class, () -> EncoderRegistry.create("vgg16", "encoder"));
    assertTrue(e.getMessage().contains("\"vgg16\""), e.getMessage());
    assertTrue(e.getMessage().endsWith("mobilenet_v2, resnet34, resnet50"), e.getMessage());
  }
}
