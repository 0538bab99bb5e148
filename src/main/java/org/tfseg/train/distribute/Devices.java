package org.tfseg.train.distribute;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.DeviceSpec;
import org.tensorflow.proto.ConfigProto;

/**
 * The replicas' devices: {@code /cpu:K} or {@code /gpu:K} (as normalised by the config), or null.
 */
final class Devices {
  private Devices() {}

  /** A device spec per replica; null entries stay null (TF's default device). */
  static List<DeviceSpec> specs(List<String> devices) {
    List<DeviceSpec> out = new ArrayList<>();
    for (String d : devices) {
      if (d == null) {
        out.add(null);
        continue;
      }
      String[] parts = d.substring(1).split(":");
      out.add(
          DeviceSpec.newBuilder()
              .deviceType(
                  parts[0].equals("gpu") ? DeviceSpec.DeviceType.GPU : DeviceSpec.DeviceType.CPU)
              .deviceIndex(Integer.parseInt(parts[1]))
              .build());
    }
    return out;
  }

  /**
   * The session config that creates the CPU devices the replicas name ({@code /cpu:1} needs two CPU
   * devices, TF's virtual ones); null when the default config has them.
   */
  static ConfigProto sessionConfig(List<DeviceSpec> devices) {
    int cpus = 1;
    for (DeviceSpec d : devices) {
      if (d != null && d.deviceType() == DeviceSpec.DeviceType.CPU) {
        cpus = Math.max(cpus, d.deviceIndex() + 1);
      }
    }
    return cpus == 1 ? null : ConfigProto.newBuilder().putDeviceCount("CPU", cpus).build();
  }
}
