package org.earshot.config;

import java.util.List;

/**
 * A config read to the end whatever it met: every problem the daemon would refuse it for, and the
 * config as far as it could be read (stand-ins where a part was wrong), for further checks.
 */
public record ConfigCheck(EarshotConfig config, List<ConfigException> problems) {
    public ConfigCheck {
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return problems.isEmpty();
    }
}
