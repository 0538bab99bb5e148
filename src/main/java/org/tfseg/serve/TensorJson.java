package org.tfseg.serve;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tfseg.graph.Tensors;

/**
 * TF Serving's JSON encoding of tensors: nested lists in row-major order, a string as {@code
 * {"b64": …}} (or plain text). Parsing checks the value against the signature's dtype and shape
 * before anything reaches TensorFlow; string inputs (tfseg's are encoded images) also pass the
 * {@link ImageGuard}.
 */
final class TensorJson {
  private TensorJson() {}

  /**
   * A tensor for {@code spec} from {@code values}, each of which has the spec's shape without its
   * first dimension (row format), or from the one value {@code values.get(0)} with the full shape
   * (columnar format, {@code rows} false).
   */
  static Tensor parse(TensorSpec spec, List<JsonNode> values, boolean rows, long maxPixels) {
    long[] want = rows ? Arrays.copyOfRange(spec.shape(), 1, spec.rank()) : spec.shape();
    List<JsonNode> leaves = new ArrayList<>();
    long[] shape = null;
    for (JsonNode v : values) {
      List<Long> dims = new ArrayList<>();
      for (JsonNode n = v; n.isArray(); n = n.size() > 0 ? n.get(0) : null) {
        dims.add((long) n.size());
        if (n.size() == 0) {
          break;
        }
      }
      long[] got = dims.stream().mapToLong(Long::longValue).toArray();
      if (shape == null) {
        shape = got;
      } else if (!Arrays.equals(shape, got)) {
        throw ClientError.badRequest(
            "input "
                + spec.key()
                + ": instances of different shapes "
                + Arrays.toString(shape)
                + " and "
                + Arrays.toString(got));
      }
      collect(spec, v, got, 0, leaves);
    }
    if (!fits(shape, want)) {
      throw ClientError.badRequest(
          "input "
              + spec.key()
              + ": expected shape "
              + Arrays.toString(want)
              + (rows ? " per instance" : "")
              + ", got "
              + Arrays.toString(shape));
    }
    long[] full = shape;
    if (rows) {
      full = new long[shape.length + 1];
      full[0] = values.size();
      System.arraycopy(shape, 0, full, 1, shape.length);
    }
    return switch (spec.dtype()) {
      case DT_FLOAT -> {
        float[] f = new float[leaves.size()];
        for (int i = 0; i < f.length; i++) {
          f[i] = (float) leaves.get(i).asDouble();
        }
        yield TFloat32.tensorOf(Shape.of(full), DataBuffers.of(f, true, false));
      }
      case DT_STRING -> {
        byte[][] b = new byte[leaves.size()][];
        for (int i = 0; i < b.length; i++) {
          b[i] = bytes(spec, leaves.get(i));
          ImageGuard.check(b[i], maxPixels);
        }
        yield full.length == 0
            ? TString.tensorOfBytes(NdArrays.scalarOfObject(b[0]))
            : TString.tensorOfBytes(NdArrays.wrap(Shape.of(full), DataBuffers.ofObjects(b)));
      }
      default ->
          throw ClientError.badRequest(
              "input " + spec.key() + ": dtype " + spec.dtype() + " is not supported over JSON");
    };
  }

  private static boolean fits(long[] got, long[] want) {
    if (got.length != want.length) {
      return false;
    }
    for (int i = 0; i < got.length; i++) {
      if (got[i] == 0 || (want[i] >= 0 && want[i] != got[i])) {
        return false;
      }
    }
    return true;
  }

  private static void collect(
      TensorSpec spec, JsonNode n, long[] shape, int d, List<JsonNode> out) {
    if (d == shape.length) {
      boolean ok =
          spec.dtype() == DataType.DT_STRING
              ? n.isTextual() || (n.isObject() && n.size() == 1 && n.has("b64"))
              : n.isNumber();
      if (!ok) {
        throw ClientError.badRequest(
            "input "
                + spec.key()
                + ": expected "
                + (spec.dtype() == DataType.DT_STRING ? "a string or {\"b64\": …}" : "a number")
                + ", got "
                + n.getNodeType());
      }
      out.add(n);
      return;
    }
    if (!n.isArray() || n.size() != shape[d]) {
      throw ClientError.badRequest("input " + spec.key() + ": a ragged nested list");
    }
    for (JsonNode c : n) {
      collect(spec, c, shape, d + 1, out);
    }
  }

  private static byte[] bytes(TensorSpec spec, JsonNode n) {
    if (n.isTextual()) {
      return n.asText().getBytes(StandardCharsets.UTF_8);
    }
    try {
      return Base64.getDecoder().decode(n.get("b64").asText());
    } catch (IllegalArgumentException e) {
      throw ClientError.badRequest(
          "input " + spec.key() + ": invalid base64 (" + e.getMessage() + ")");
    }
  }

  /** Writes {@code t} (float32 or int32), or its row {@code row} when {@code row >= 0}. */
  static void write(JsonGenerator g, Tensor t, int row) throws IOException {
    long[] shape = t.shape().asArray();
    if (t instanceof TFloat32 f) {
      float[] v = Tensors.floats(f);
      writeNested(g, shape, row, (i) -> g.writeNumber(v[i]));
    } else if (t instanceof TInt32 n) {
      int[] v = new int[(int) n.shape().size()];
      n.asRawTensor().data().asInts().read(v);
      writeNested(g, shape, row, (i) -> g.writeNumber(v[i]));
    } else {
      throw new IllegalStateException("output dtype " + t.dataType() + " is not supported");
    }
  }

  private interface Leaf {
    void write(int index) throws IOException;
  }

  private static void writeNested(JsonGenerator g, long[] shape, int row, Leaf leaf)
      throws IOException {
    if (row < 0) {
      nested(g, shape, 0, 0, leaf);
    } else {
      long[] rest = Arrays.copyOfRange(shape, 1, shape.length);
      long per = 1;
      for (long d : rest) {
        per *= d;
      }
      nested(g, rest, 0, (int) (row * per), leaf);
    }
  }

  private static int nested(JsonGenerator g, long[] shape, int d, int index, Leaf leaf)
      throws IOException {
    if (d == shape.length) {
      leaf.write(index);
      return index + 1;
    }
    g.writeStartArray();
    for (long i = 0; i < shape[d]; i++) {
      index = nested(g, shape, d + 1, index, leaf);
    }
    g.writeEndArray();
    return index;
  }
}
