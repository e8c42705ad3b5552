package org.earshot.config;

import java.util.Locale;

/**
 * Keeps the embedded database's server on this machine. H2's {@code AUTO_SERVER} mode (the daemon
 * and the CLI sharing one file) starts a TCP server, and H2 binds it to every network interface
 * unless the system property {@code h2.bindAddress} names one. H2 reads that property once, when its
 * first class loads, so it is set here, when the config is read, before any database is opened.
 * An operator who set it on the command line keeps their choice.
 */
final class H2ServerBinding {
    static final String PROPERTY = "h2.bindAddress";
    static final String LOOPBACK = "127.0.0.1";

    private H2ServerBinding() {
    }

    static void toLoopbackIfAutoServer(String jdbcUrl) {
        String url = jdbcUrl.toUpperCase(Locale.ROOT);
        if (url.startsWith("JDBC:H2:") && url.replace(" ", "").contains("AUTO_SERVER=TRUE")
                && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LOOPBACK);
        }
    }
}
