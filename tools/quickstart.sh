#!/usr/bin/env bash
# Builds tfseg and runs the quickstart: train -> evaluate -> export -> predict, on a synthetic
# salient-object dataset that tfseg generates itself (no download). About 2-3 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."
export TF_CPP_MIN_LOG_LEVEL="${TF_CPP_MIN_LOG_LEVEL:-2}"

mvn -q -B package -DskipTests
TFSEG="java -jar target/tfseg.jar"

$TFSEG train experiments/quickstart.json
RUN=$(ls -d runs/quickstart/run-* | sort | tail -n 1)

$TFSEG eval experiments/quickstart.json --checkpoint "$RUN"
$TFSEG export experiments/quickstart.json --checkpoint "$RUN" --out "$RUN/saved_model"
$TFSEG eval experiments/quickstart.json --saved-model "$RUN/saved_model"
$TFSEG predict --saved-model "$RUN/saved_model" --input data/synthetic-test/images --output "$RUN/predictions"
$TFSEG predict --saved-model "$RUN/saved_model" --input data/synthetic-test/images --output "$RUN/overlays" --format overlay

echo
echo "quickstart done: run folder $RUN (curves.png, panels/, history.csv, train.log, checkpoints/, eval/, saved_model/, predictions/, overlays/)"
