package org.earshot.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/** A process that opens an H2 file the way the daemon does, and holds it open until its stdin closes. */
public final class H2AutoServerProcess {
    private H2AutoServerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String url = "jdbc:h2:file:" + Path.of(args[0]).resolve("earshot") + ";AUTO_SERVER=TRUE";
        H2ServerBinding.toLoopbackIfAutoServer(url);
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("create table if not exists t(id int)");
            System.out.println("OPEN");
            System.out.flush();
            while (System.in.read() >= 0) {
                // held open until the test closes our stdin
            }
        }
    }
}
