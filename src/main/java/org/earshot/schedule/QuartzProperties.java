package org.earshot.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;

/**
 * How Quartz keeps the schedule: in memory on a single node, or in the shared PostgreSQL database
 * where the nodes of a cluster check in, each trigger fires on one node only, and a routine that
 * runs on one node is not started on another until it ends.
 */
final class QuartzProperties {
    /** The scheduler's name is what makes nodes one cluster: they share the rows under it. */
    static final String CLUSTER_NAME = "earshot";

    private QuartzProperties() {
    }

    static Properties singleNode(String name, int threads) {
        Properties props = common(name, threads);
        props.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
        return props;
    }

    /**
     * {@code connectionsName} is how this node's pool is registered with Quartz; it must be unique in
     * the JVM, since Quartz's connection registry is global.
     */
    static Properties clusterNode(DataSource shared, String connectionsName, String instanceId, int threads) {
        DBConnectionManager.getInstance().addConnectionProvider(connectionsName, new PooledConnections(shared));
        Properties props = common(CLUSTER_NAME, threads);
        props.setProperty("org.quartz.scheduler.instanceId", instanceId);
        props.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        props.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        props.setProperty("org.quartz.jobStore.dataSource", connectionsName);
        props.setProperty("org.quartz.jobStore.isClustered", "true");
        // A node that stops checking in for this long is taken as dead and its routines are run by the others.
        props.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
        props.setProperty("org.quartz.jobStore.misfireThreshold", "30000");
        return props;
    }

    private static Properties common(String name, int threads) {
        Properties props = new Properties();
        props.setProperty("org.quartz.scheduler.instanceName", name);
        props.setProperty("org.quartz.threadPool.threadCount", String.valueOf(Math.max(1, threads)));
        props.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        return props;
    }

    /** Quartz borrows connections from Earshot's own pool; the pool's life is the database's. */
    private record PooledConnections(DataSource pool) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return pool.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
