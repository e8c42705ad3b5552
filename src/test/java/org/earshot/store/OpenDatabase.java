package org.earshot.store;

import org.earshot.config.StorageConfig;

/** A process that opens (and so migrates) the database at the URL given, says {@code open}, and waits to be killed. */
public final class OpenDatabase {
    private OpenDatabase() {
    }

    public static void main(String[] args) throws Exception {
        Database.open(new StorageConfig(args[0], "", ""));
        System.out.println("open");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
