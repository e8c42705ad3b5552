package org.earshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code config/earshot.service}: systemd reads it without a complaint, and it agrees with the
 * README's install commands on the user, the jar, the config and the environment file.
 */
class ServiceUnitTest {
    private static final Path UNIT = Path.of("config/earshot.service");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");

    @TempDir
    Path dir;

    private static String unitValue(String unit, String key) {
        Matcher m = Pattern.compile("(?m)^" + key + "=(.*)$").matcher(unit);
        assertThat(m.find()).as("%s= in %s", key, UNIT).isTrue();
        return m.group(1).strip();
    }

    /** The README's "Run it as a service" section, up to the next section. */
    private static String serviceSection() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Run it as a service");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 5);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAWord() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), "skipped: " + SYSTEMD_ANALYZE + " is not installed"
                + " (apt-get install systemd)");
        Path copy = dir.resolve("earshot.service");
        Files.copy(UNIT, copy);
        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", copy.toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(120, TimeUnit.SECONDS)).as("systemd-analyze finished").isTrue();
        String said = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // Only what it says about this unit counts; the machine's own units may have their own complaints.
        List<String> aboutEarshot = said.lines().filter(l -> l.contains("earshot.service")).toList();
        assertThat(aboutEarshot).as(said).isEmpty();
        assertThat(verify.exitValue()).as(said).isZero();
    }

    @Test
    void theUnitAndTheReadmesInstallCommandsAgree() throws Exception {
        String unit = Files.readString(UNIT);
        String readme = serviceSection();
        String user = unitValue(unit, "User");
        String environmentFile = unitValue(unit, "EnvironmentFile");
        String execStart = unitValue(unit, "ExecStart");

        assertThat(unitValue(unit, "Group")).isEqualTo(user);
        assertThat(readme).contains("useradd --system --home-dir /var/lib/earshot --shell /usr/sbin/nologin " + user);
        assertThat(readme).contains("config/earshot.env " + environmentFile);
        assertThat(readme).contains("install -m 0644 config/earshot.service /etc/systemd/system/earshot.service");
        assertThat(unitValue(unit, "ReadWritePaths")).isEqualTo("/var/lib/earshot");

        Matcher jar = Pattern.compile("-jar (\\S+) run --config (\\S+)").matcher(execStart);
        assertThat(jar.find()).as(execStart).isTrue();
        String installedJar = jar.group(1);
        String installedConfig = jar.group(2);
        Path jarFolder = Path.of(installedJar).getParent();
        assertThat(readme).contains("install -m 0644 target/earshot.jar README.md " + jarFolder + "/");
        assertThat(unitValue(unit, "WorkingDirectory")).isEqualTo(jarFolder.toString());
        Path configFolder = Path.of(installedConfig).getParent();
        assertThat(readme).contains("config/earshot.yaml config/policy.yaml config/replies " + configFolder + "/");
        assertThat(Path.of(environmentFile).getParent()).isEqualTo(configFolder);
        // The README's first check runs what the unit runs, as its user, with its environment file.
        assertThat(readme).contains(". " + environmentFile + "; exec runuser -u " + user + " --")
                .contains("java -jar " + installedJar + " check-config --online " + installedConfig);
        assertThat(unitValue(unit, "ExecStartPre")).endsWith("-jar " + installedJar + " check-config " + installedConfig);
    }
}
