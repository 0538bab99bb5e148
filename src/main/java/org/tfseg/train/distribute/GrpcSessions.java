package org.tfseg.train.distribute;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.PointerScope;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Session;
import org.tensorflow.internal.c_api.TF_SessionOptions;
import org.tensorflow.internal.c_api.TF_Status;
import org.tensorflow.internal.c_api.global.tensorflow;
import org.tensorflow.proto.ConfigProto;

/**
 * A {@link Session} on a {@code grpc://host:port} target (this worker's TF server). TF Java 1.1.0
 * has no public way to set a session's target: the C API's {@code TF_SetTarget} on the session
 * options, {@code TF_NewSession}, and TF Java's package-private {@code Session(Graph, TF_Session)}
 * constructor (by reflection) do it.
 */
final class GrpcSessions {
  private GrpcSessions() {}

  static Session open(Graph graph, String target, ConfigProto config) {
    try (PointerScope scope = new PointerScope()) {
      TF_Status status = TF_Status.newStatus();
      TF_SessionOptions options = TF_SessionOptions.newSessionOptions();
      tensorflow.TF_SetTarget(options, target);
      BytePointer bytes = new BytePointer(config.toByteArray());
      tensorflow.TF_SetConfig(options, bytes, bytes.capacity(), status);
      status.throwExceptionIfNotOK();
      Method ref = Graph.class.getDeclaredMethod("ref");
      ref.setAccessible(true);
      Object graphRef = ref.invoke(graph);
      TF_Session session;
      try {
        Method handle = graphRef.getClass().getDeclaredMethod("nativeHandle");
        handle.setAccessible(true);
        session = TF_Session.newSession((TF_Graph) handle.invoke(graphRef), options, status);
        status.throwExceptionIfNotOK();
        session = (TF_Session) session.retainReference(); // outlive the scope, as Session does
      } finally {
        ((AutoCloseable) graphRef).close();
      }
      Constructor<Session> c = Session.class.getDeclaredConstructor(Graph.class, TF_Session.class);
      c.setAccessible(true);
      return c.newInstance(graph, session);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("TF Java's Session internals changed: " + e, e);
    } catch (Exception e) {
      if (e instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e);
    }
  }
}
