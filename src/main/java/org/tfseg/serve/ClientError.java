package org.tfseg.serve;

/** A request the server refuses: answered with {@code status} and {@code {"error": message}}. */
final class ClientError extends RuntimeException {
  final int status;

  ClientError(int status, String message) {
    super(message);
    this.status = status;
  }

  static ClientError badRequest(String message) {
    return new ClientError(400, message);
  }

  static ClientError notFound(String message) {
    return new ClientError(404, message);
  }

  static ClientError tooLarge(String message) {
    return new ClientError(413, message);
  }
}
