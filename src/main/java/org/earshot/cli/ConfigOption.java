package org.earshot.cli;

import java.nio.file.Path;
import org.earshot.Wiring;
import org.earshot.config.ConfigLoader;
import org.earshot.config.EarshotConfig;
import picocli.CommandLine.Option;

/** The {@code --config} option shared by every command that needs the configuration. */
public final class ConfigOption {
    @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "config/earshot.yaml",
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    Path file;

    public EarshotConfig load() {
        return ConfigLoader.fromEnvironment(Wiring.CHANNELS).load(file);
    }
}
