package org.tfseg.weights;

import io.jhdf.exceptions.UnsupportedHdfException;
import java.nio.file.Path;
import org.tfseg.UserError;

/** An HDF5 file shorter than its structure says, or whose structure cannot be read: one line. */
public final class DamagedFileError extends UserError {
  /**
   * @param problem what is wrong, e.g. {@code it has 40 bytes, …}; no line breaks
   */
  public DamagedFileError(Path file, String problem) {
    super(file + " is truncated or damaged (" + problem + ")");
  }

  public DamagedFileError(Path file, String problem, Throwable cause) {
    super(file + " is truncated or damaged (" + problem + ")", cause);
  }

  /**
   * jHDF failed reading {@code what} (e.g. {@code group /c1}): its own wording names internal
   * addresses ("address '96'"), so it stays in the cause only.
   */
  static DamagedFileError unreadable(Path file, String what, RuntimeException cause) {
    return new DamagedFileError(
        file,
        what
            + " cannot be read"
            + (cause instanceof UnsupportedHdfException
                ? ", or uses an HDF5 feature jHDF does not read"
                : ""),
        cause);
  }
}
