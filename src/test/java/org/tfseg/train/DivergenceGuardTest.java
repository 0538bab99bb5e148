package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What counts as a diverged run: not finite, above the bound, or grown past the factor. */
class DivergenceGuardTest {
  @Test
  void finiteLossesWithinTheBoundAndFactorPass() {
    DivergenceGuard g = new DivergenceGuard(1e6, 100);
    g.checkStep(0.7, 0, 0, 1e-3);
    assertEquals(0.7, g.firstLoss());
    g.checkStep(69.9, 0, 1, 1e-3); // just under 100 x 0.7
    g.checkStep(0.01, 3, 0, 1e-3);
    g.checkValidation(5e5, 0, 1e-3);
    g.checkValidation(null, 0, 1e-3);
    assertEquals(0.7, g.firstLoss(), "the reference stays the first step's");
  }

  @Test
  void eachKindOfDivergenceStopsWithItsReason() {
    DivergenceGuard g = new DivergenceGuard(1e6, 100);
    assertTrue(
        assertThrows(Trainer.TrainingDiverged.class, () -> g.checkStep(Double.NaN, 0, 0, 0.1))
            .getMessage()
            .startsWith("loss became NaN at epoch 1, step 1 (learning rate 0.1); best and final"));
    assertTrue(
        assertThrows(Trainer.TrainingDiverged.class, () -> g.checkStep(7e6, 1, 4, 0.1))
            .getMessage()
            .startsWith(
                "loss 7.00e+06 is above training.loss_upper_bound 1.00e+06 at epoch 2, step 5"));
    g.checkStep(0.5, 0, 0, 0.1);
    assertTrue(
        assertThrows(Trainer.TrainingDiverged.class, () -> g.checkStep(50.5, 0, 1, 0.1))
            .getMessage()
            .startsWith(
                "loss 50.5 is more than training.loss_growth_factor 100 times the first step's 0.5"
                    + " at epoch 1, step 2"));
    assertTrue(
        assertThrows(Trainer.TrainingDiverged.class, () -> g.checkValidation(2.6e14, 2, 0.1))
            .getMessage()
            .startsWith(
                "val_loss 2.60e+14 is above training.loss_upper_bound 1.00e+06 at the end of epoch 3"));
    assertThrows(
        Trainer.TrainingDiverged.class, () -> g.checkValidation(Double.POSITIVE_INFINITY, 0, 0.1));
  }

  @Test
  void aResumedRunKeepsItsReference() {
    DivergenceGuard g = new DivergenceGuard(1e6, 10);
    g.restore(0.2);
    g.checkStep(1.9, 5, 0, 0.1);
    assertThrows(Trainer.TrainingDiverged.class, () -> g.checkStep(2.1, 5, 1, 0.1));
    DivergenceGuard zero = new DivergenceGuard(1e6, 10);
    zero.checkStep(0.0, 0, 0, 0.1);
    zero.checkStep(3.0, 0, 1, 0.1); // no factor of a zero first loss
  }
}
