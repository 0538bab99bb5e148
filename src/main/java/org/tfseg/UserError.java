package org.tfseg;

/**
 * A problem the user can fix (bad JSON, a missing or unreadable file, an invalid value). The CLI
 * prints {@link #getMessage()} as one line and exits with code 2, never a stack trace. Messages
 * name the file or JSON path and the problem.
 */
public class UserError extends RuntimeException {
  public UserError(String message) {
    super(message);
  }

  public UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
