package org.earshot.store;

import java.sql.Connection;
import java.sql.DriverManager;

/** Another process holding an H2 file: opens it, says {@code held}, and waits to be killed. */
public final class HoldH2File {
    private HoldH2File() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection c = DriverManager.getConnection(args[0])) {
            System.out.println("held");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
