package org.tfseg.config;

/** Binary cross-entropy on the sigmoid output ({@code "type": "bce"}); no parameters. */
public record BceLoss() implements LossConfig {}
