package org.tfseg.config;

import static org.tfseg.config.Fixtures.assertFails;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import org.junit.jupiter.api.Test;
import org.tfseg.optim.SgdConfig;

/** Unknown keys, wrong types, nulls and unknown one-of kinds are rejected with the JSON path. */
class StrictBindingTest {
  @Test
  void unknownTopLevelKeyListsValidKeys() {
    assertFails(
        "$: unknown key 'epochs' (valid: name, seed, run_root, model, data, loss, optimizer,"
            + " training, evaluation)",
        Fixtures.MINIMAL.replace("\"name\": \"x\",", "\"name\": \"x\", \"epochs\": 3,"));
  }

  @Test
  void unknownNestedKeyListsValidKeys() {
    assertMinimalFails(
        "$.training.checkpoints: unknown key 'every' (valid: every_steps, every_minutes, keep)",
        "training.checkpoints.every=3");
    assertMinimalFails(
        "$.optimizer: unknown key 'lr' (valid: type, learning_rate, schedule, beta_1, beta_2,"
            + " epsilon, weight_decay, exclude_from_weight_decay, clipnorm, clipvalue,"
            + " global_clipnorm)",
        "optimizer.lr=0.1");
    assertMinimalFails(
        "$.data.train: unknown key 'root' (valid: layout, images, masks, limit)",
        "data.train.root=x");
    assertMinimalFails(
        "$.loss: unknown key 'weight' (valid: type, label_smoothing, class_weights)",
        "loss.weight=1");
  }

  @Test
  void unknownKeyInsideArrayElement() {
    assertMinimalFails(
        "$.training.callbacks[0]: unknown key 'patince' (valid: type, monitor, min_delta,"
            + " patience, mode, baseline, restore_best_weights, start_from_epoch)",
        "training.callbacks=[{\"type\":\"early_stopping\",\"patince\":3}]");
  }

  @Test
  void stringIsNotANumber() {
    assertMinimalFails(
        "$.optimizer.learning_rate: expected a number, got string \"fast\"",
        "optimizer.learning_rate=fast");
    assertMinimalFails(
        "$.training.batch_size: expected an integer, got string \"3\"",
        "training.batch_size=\"3\"");
  }

  @Test
  void floatIsNotAnInteger() {
    assertMinimalFails(
        "$.training.batch_size: expected an integer, got number 1.5", "training.batch_size=1.5");
    assertMinimalFails("$.seed: expected an integer, got number 1.0", "seed=1.0");
  }

  @Test
  void integerIsAcceptedAsNumber() {
    org.junit.jupiter.api.Assertions.assertEquals(
        0.5,
        ((SgdConfig)
                Fixtures.minimal(
                        "optimizer={\"type\":\"sgd\",\"learning_rate\":1}",
                        "optimizer.momentum=0.5")
                    .optimizer())
            .momentum());
  }

  @Test
  void numbersAreNotStringsOrBooleans() {
    assertMinimalFails("$.name: expected a string, got integer 5", "name=5");
    assertMinimalFails("$.data.shuffle: expected a boolean, got integer 1", "data.shuffle=1");
    assertMinimalFails(
        "$.data.shuffle: expected a boolean, got string \"yes\"", "data.shuffle=yes");
  }

  @Test
  void integerOutOfRange() {
    assertMinimalFails(
        "$.training.epochs: integer out of range (max 2147483647), got integer 99999999999",
        "training.epochs=99999999999");
  }

  @Test
  void containersHaveTheirShape() {
    assertMinimalFails(
        "$.training.metrics: expected an array, got string \"precision\"",
        "training.metrics=precision");
    assertMinimalFails("$.loss: expected an object, got string \"bce\"", "loss=bce");
    assertMinimalFails(
        "$.data.image_size: expected an array, got integer 64", "data.image_size=64");
    assertMinimalFails(
        "$.data.image_size[1]: expected an integer, got string \"a\"",
        "data.image_size=[64,\"a\"]");
    assertMinimalFails(
        "$.data.image_size: expected [height, width] (2 integers), got 3 element(s)",
        "data.image_size=[64,64,3]");
  }

  @Test
  void nullIsRejected() {
    assertMinimalFails(
        "$.seed: null is not allowed (omit the key to use its default)", "seed=null");
    assertMinimalFails(
        "$.training.metrics[0]: null is not allowed (omit the key to use its default)",
        "training.metrics=[null]");
  }

  @Test
  void unknownDiscriminatorListsValidKinds() {
    assertMinimalFails(
        "$.optimizer.type: unknown type 'adagrad' (valid: adam, adamw, rmsprop, sgd)",
        "optimizer.type=adagrad");
    assertMinimalFails(
        "$.model.architecture: unknown architecture 'resnet' (valid: unet, encoder_unet, basnet)",
        "model.architecture=resnet");
    assertMinimalFails(
        "$.data.train.layout: unknown layout 'coco' (valid: duts, folder, oxford_pet, synthetic)",
        "data.train.layout=coco");
    assertMinimalFails(
        "$.loss.type: unknown type 'focal' (valid: bce, sparse_categorical_crossentropy,"
            + " binary_focal_crossentropy, categorical_focal_crossentropy, dice, tversky, bce_dice,"
            + " ssim, soft_iou, weighted_sum, deep_supervision, basnet_hybrid)",
        "loss.type=focal");
    assertMinimalFails(
        "$.training.callbacks[0].type: unknown type 'csv_logger' (valid: reduce_lr_on_plateau,"
            + " model_checkpoint, early_stopping, tensorboard)",
        "training.callbacks=[{\"type\":\"csv_logger\"}]");
  }

  @Test
  void missingOrMistypedDiscriminator() {
    assertMinimalFails(
        "$.optimizer: missing 'type' (valid: adam, adamw, rmsprop, sgd)", "optimizer={}");
    assertMinimalFails(
        "$.model.architecture: expected a string, got integer 3", "model.architecture=3");
  }

  @Test
  void unknownEnumValuesListValidNames() {
    assertMinimalFails(
        "$.training.metrics[1]: unknown value \"iou\" (valid: precision, recall, mae, accuracy, mean_iou, dice, sod)",
        "training.metrics=[\"precision\",\"iou\"]");
    assertMinimalFails(
        "$.evaluation.metrics[0]: unknown value \"f1\" (valid: precision, recall, mae, accuracy, mean_iou, dice, sod)",
        "evaluation.metrics=[\"f1\"]");
    assertMinimalFails(
        "$.evaluation.split: unknown value \"dev\" (valid: train, validation, test)",
        "evaluation.split=dev");
    assertMinimalFails(
        "$.evaluation.split: expected one of train, validation, test, got integer 1",
        "evaluation.split=1");
    assertMinimalFails(
        "$.training.callbacks[0].mode: unknown value \"up\" (valid: auto, min, max)",
        "training.callbacks=[{\"type\":\"model_checkpoint\",\"mode\":\"up\"}]");
  }

  @Test
  void rootMustBeAnObject() {
    assertFails("$: expected an object, got an array", "[1, 2]");
  }
}
