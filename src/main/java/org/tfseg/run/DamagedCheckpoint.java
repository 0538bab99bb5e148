package org.tfseg.run;

import org.tfseg.UserError;

/**
 * A checkpoint whose files are missing, truncated or fail their checksums: unusable, but an older
 * one of the same run may still be intact (a resume falls back to it). A checkpoint that is intact
 * but belongs to another model is a plain {@link UserError}: older ones would not fit either.
 */
public final class DamagedCheckpoint extends UserError {
  public DamagedCheckpoint(String message) {
    super(message);
  }
}
