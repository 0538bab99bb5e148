package org.tfseg.weights;

import java.util.List;

/** What an import assigns, and its report; nothing is read or assigned yet. */
public record ImportPlan(List<Assignment> assignments, ImportReport report) {}
