package org.earshot.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's embedded database in AUTO_SERVER mode listens on loopback only. Run in its own JVM:
 * H2 reads {@code h2.bindAddress} once per JVM, and this test JVM opened H2 long before.
 */
class H2ServerBindingIT {
    @TempDir
    Path dir;

    @Test
    void theAutoServerListensOnLoopbackOnlyAndTheLockFileSendsClientsThere() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2AutoServerProcess.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            assertThat(out.readLine()).isEqualTo("OPEN");
            Properties lock = new Properties();
            try (Reader r = Files.newBufferedReader(dir.resolve("earshot.lock.db"))) {
                lock.load(r);
            }
            String server = lock.getProperty("server");
            int port = Integer.parseInt(server.substring(server.lastIndexOf(':') + 1));

            assertThat(server).startsWith("localhost:");
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
            }
            List<InetAddress> others = nonLoopbackAddresses();
            System.out.println("H2 AUTO_SERVER on port " + port + "; refused on " + others);
            for (InetAddress other : others) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress(other, port), 2000);
                    }
                }).as("connecting on " + other).isInstanceOf(java.io.IOException.class);
            }
        } finally {
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    void anOperatorsOwnBindAddressIsKept() {
        String before = System.getProperty(H2ServerBinding.PROPERTY);
        try {
            System.setProperty(H2ServerBinding.PROPERTY, "10.1.2.3");
            H2ServerBinding.toLoopbackIfAutoServer("jdbc:h2:file:/tmp/x;AUTO_SERVER=TRUE");
            assertThat(System.getProperty(H2ServerBinding.PROPERTY)).isEqualTo("10.1.2.3");
        } finally {
            if (before == null) {
                System.clearProperty(H2ServerBinding.PROPERTY);
            } else {
                System.setProperty(H2ServerBinding.PROPERTY, before);
            }
        }
    }

    private static List<InetAddress> nonLoopbackAddresses() throws Exception {
        return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .filter(i -> {
                    try {
                        return i.isUp() && !i.isLoopback();
                    } catch (java.net.SocketException e) {
                        return false;
                    }
                })
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress()).toList();
    }
}
