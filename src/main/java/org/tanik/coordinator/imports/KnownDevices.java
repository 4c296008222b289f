package org.tanik.coordinator.imports;

import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tanik.model.Device;
import org.tanik.model.DeviceState;

/**
 * The registry's device keys as an import starts: {@code keys} let the reader explain a signature by a
 * device it knows, and {@code trusted} (approved or revoked, Base64) are not bounded as unapproved ones.
 */
record KnownDevices(List<byte[]> keys, Set<String> trusted) {

    static KnownDevices of(List<Device> devices) {
        Set<String> trusted = new HashSet<>();
        for (Device d : devices) {
            if (d.state() != DeviceState.PENDING) {
                trusted.add(Base64.getEncoder().encodeToString(d.publicKey()));
            }
        }
        return new KnownDevices(devices.stream().map(Device::publicKey).toList(), trusted);
    }

    boolean approvedOrRevoked(byte[] key) {
        return trusted.contains(Base64.getEncoder().encodeToString(key));
    }
}
