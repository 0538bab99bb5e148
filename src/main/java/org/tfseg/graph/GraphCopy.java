package org.tfseg.graph;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Output;
import org.tensorflow.internal.c_api.TF_Buffer;
import org.tensorflow.internal.c_api.TF_ImportGraphDefOptions;
import org.tensorflow.internal.c_api.TF_Output;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;

/**
 * Copies a set of a graph's operations into the same graph under a name prefix (what Python's
 * {@code graph_editor.copy_with_input_replacements} does), with each input that comes from outside
 * the set read from a given tensor instead. TF Java has no such call; this imports the set's {@code
 * NodeDef}s through the C API's input mapping, so every attribute is kept as it is.
 */
final class GraphCopy {
  private GraphCopy() {}

  /**
   * @param nodes the {@code NodeDef}s of the graph by operation name (from one {@code
   *     toGraphDef()})
   * @param ops the operations to copy
   * @param inputs for every data input of an op in {@code ops} produced outside it: the tensor the
   *     copy reads instead (the original or a replacement)
   * @param prefix the copies are named {@code prefix/<original name>}
   */
  static void copy(
      Graph g,
      Map<String, NodeDef> nodes,
      Collection<GraphOperation> ops,
      Map<Output<?>, Output<?>> inputs,
      String prefix) {
    Set<String> copied = new java.util.HashSet<>();
    ops.forEach(op -> copied.add(op.name()));
    GraphDef.Builder def = GraphDef.newBuilder();
    for (GraphOperation op : ops) {
      // "_class" colocates with ops that are not copied (variables): dropped, as graph_editor does.
      def.addNode(nodes.get(op.name()).toBuilder().removeAttr("_class"));
    }
    byte[] bytes = def.build().toByteArray();
    TF_ImportGraphDefOptions opts = tensorflow.TF_NewImportGraphDefOptions();
    try (BytePointer data = new BytePointer(bytes);
        TF_Status status = TF_Status.newStatus()) {
      tensorflow.TF_ImportGraphDefOptionsSetPrefix(opts, prefix);
      for (Map.Entry<Output<?>, Output<?>> e : inputs.entrySet()) {
        GraphOperation dst = (GraphOperation) e.getValue().op();
        TF_Output out =
            new TF_Output().oper(dst.getUnsafeNativeHandle()).index(e.getValue().index());
        tensorflow.TF_ImportGraphDefOptionsAddInputMapping(
            opts, e.getKey().op().name(), e.getKey().index(), out);
      }
      for (GraphOperation op : ops) {
        for (GraphOperation c : op.controlInputs()) {
          if (!copied.contains(c.name())) { // control inputs from outside stay on the original
            tensorflow.TF_ImportGraphDefOptionsRemapControlDependency(
                opts, c.name(), c.getUnsafeNativeHandle());
          }
        }
      }
      TF_Buffer buffer = tensorflow.TF_NewBufferFromString(data, bytes.length);
      try {
        tensorflow.TF_GraphImportGraphDef(ReluRewire.handle(g), buffer, opts, status);
      } finally {
        tensorflow.TF_DeleteBuffer(buffer);
      }
      if (tensorflow.TF_GetCode(status) != 0) {
        throw new IllegalStateException(
            "copying "
                + ops.size()
                + " ops to "
                + prefix
                + ": "
                + tensorflow.TF_Message(status).getString());
      }
    } finally {
      tensorflow.TF_DeleteImportGraphDefOptions(opts);
    }
  }
}
