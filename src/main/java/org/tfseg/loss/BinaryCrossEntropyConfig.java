package org.tfseg.loss;

/** Binary cross-entropy on the sigmoid output ({@code "type": "bce"}); no parameters. */
public record BinaryCrossEntropyConfig() implements LossConfig {}
