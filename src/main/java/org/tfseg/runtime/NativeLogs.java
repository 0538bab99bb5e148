package org.tfseg.runtime;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Keeps TensorFlow's native log lines off the console unless asked for ({@code TFSEG_TF_LOGS=1}).
 * TensorFlow reads {@code TF_CPP_MIN_LOG_LEVEL} from the C environment, which Java cannot change,
 * and two of its lines (absl's "All log messages before absl::InitializeLog()" and the MLIR pass
 * notice) come from an absl logger inside the natives that ignores that variable and cannot be
 * reached. So, before any TensorFlow class loads, the variable is set in the C environment (libc
 * {@code setenv}, via JNA), and file descriptor 2 is replaced by a pipe whose reader drops absl's
 * info/warning lines and passes everything else — Java's own stderr, TF errors, JVM messages — to
 * the original stderr. At exit the original descriptor is put back and the pipe drained.
 */
public final class NativeLogs {
  /** absl info/warning lines ({@code I0000 00:00:… file.cc:401] …}) and absl's init notice. */
  private static final Pattern NATIVE_NOISE =
      Pattern.compile(
          "^(?:[IW]\\d{4} \\d\\d:\\d\\d:\\d+\\.\\d+ +\\d+ \\S+:\\d+\\] .*"
              + "|WARNING: All log messages before absl::InitializeLog\\(\\) is called are written to STDERR)$");

  private static final int STDERR = 2;

  /** The libc calls used. */
  interface LibC extends Library {
    int setenv(String name, String value, int overwrite);

    int pipe(int[] fds);

    int dup(int fd);

    int dup2(int from, int to);

    int close(int fd);

    long read(int fd, byte[] buf, long count);

    long write(int fd, byte[] buf, long count);
  }

  /** What {@link #drain} does; null before {@link #quiet} or once done. */
  private static Runnable drain;

  private NativeLogs() {}

  /** Whether the user asked for TensorFlow's native logs. */
  public static boolean wanted() {
    return "1".equals(System.getenv("TFSEG_TF_LOGS"));
  }

  /** Whether a line is one of TensorFlow's native info/warning lines. */
  static boolean isNoise(String line) {
    return NATIVE_NOISE.matcher(line).matches();
  }

  /**
   * Silences TF's native info and warning lines for the rest of the process; call before the first
   * TensorFlow class loads. Does nothing when {@code TFSEG_TF_LOGS=1}.
   */
  public static void quiet() {
    if (wanted()) {
      return;
    }
    LibC c = Native.load("c", LibC.class);
    if (System.getenv("TF_CPP_MIN_LOG_LEVEL") == null) {
      c.setenv("TF_CPP_MIN_LOG_LEVEL", "2", 0);
    }
    int[] fds = new int[2];
    int original = c.dup(STDERR);
    if (original < 0 || c.pipe(fds) != 0 || c.dup2(fds[1], STDERR) < 0) {
      return; // keep the console as it is rather than lose output
    }
    c.close(fds[1]);
    Thread reader = new Thread(() -> forward(c, fds[0], original), "tfseg-stderr-filter");
    reader.setDaemon(true);
    reader.start();
    drain =
        () -> {
          System.err.flush();
          c.dup2(original, STDERR); // closes the pipe's last writer: the reader sees the end
          try {
            reader.join(2000);
          } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
          }
        };
    Runtime.getRuntime().addShutdownHook(new Thread(NativeLogs::drain));
  }

  /**
   * {@code Runtime.halt(status)} once the filter has passed on everything written so far: halt
   * skips the shutdown hook that drains it, so a last error line still in the pipe would be lost.
   */
  public static void halt(int status) {
    drain();
    Runtime.getRuntime().halt(status);
  }

  /**
   * Puts the original stderr back and waits until the filter has passed on everything written so
   * far. Idempotent; a no-op when the filter is not on.
   */
  private static synchronized void drain() {
    Runnable d = drain;
    drain = null;
    if (d != null) {
      d.run();
    }
  }

  /** Copies the pipe to the original stderr line by line, without the noise. */
  private static void forward(LibC c, int in, int out) {
    byte[] buf = new byte[8192];
    StringBuilder line = new StringBuilder();
    long n;
    while ((n = c.read(in, buf, buf.length)) > 0) {
      line.append(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
      int nl;
      while ((nl = line.indexOf("\n")) >= 0) {
        String l = line.substring(0, nl);
        line.delete(0, nl + 1);
        if (!isNoise(l)) {
          byte[] bytes = (l + "\n").getBytes(StandardCharsets.UTF_8);
          c.write(out, bytes, bytes.length);
        }
      }
    }
    if (line.length() > 0 && !isNoise(line.toString())) {
      byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
      c.write(out, bytes, bytes.length);
    }
  }
}
