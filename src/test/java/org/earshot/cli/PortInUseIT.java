package org.earshot.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.earshot.Earshot;
import org.earshot.testing.TestConfigs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PortInUseIT {
    @TempDir
    Path dir;

    @Test
    void aPortInUseStopsTheStartWithTheKeyAndExitCodeTwoBeforeAnyConnectorPolls() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path file = TestConfigs.exampleConfigFileIn(dir);
            Files.writeString(file, Files.readString(file).replace("port: 8080", "port: " + taken.getLocalPort()));
            StringWriter err = new StringWriter();
            CommandLine cli = Earshot.commandLine();
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("run", "--config", file.toString());

            assertThat(exit).isEqualTo(2);
            assertThat(err.toString().strip()).endsWith("web.port " + taken.getLocalPort()
                    + " is in use on 127.0.0.1 (another Earshot, or another program): stop it or choose another port")
                    .doesNotContain("\tat ");
        }
    }
}
