package org.zengzhi.cluster.pg;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few JDBC connections shared by a node's tenant threads (each tenant has a thread; a node may hold hundreds of
 * tenants, PostgreSQL allows ~100 connections). A connection that failed is closed and replaced on next use.
 */
final class Connections implements AutoCloseable {
    /** Work on a connection inside a transaction the work commits. */
    interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private final String url;
    private final String user;
    private final String password;
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();
    private boolean closed;

    Connections(String url, String user, String password, int size) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            idle.add(open());
        }
    }

    private synchronized Connection open() {
        try {
            Connection c = DriverManager.getConnection(url, user, password);
            c.setAutoCommit(false);
            all.add(c);
            return c;
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + url + " not reachable: " + e.getMessage(), e);
        }
    }

    <T> T run(Work<T> work) {
        Connection c;
        try {
            c = idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for a connection", e);
        }
        try {
            c = usable(c);
            return work.on(c);
        } catch (SQLException e) {
            discard(c);
            throw new IllegalStateException("PostgreSQL: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            discard(c);
            throw e;
        } finally {
            idle.add(c);
        }
    }

    /** {@code c}, or a new connection in its place if it was discarded (PostgreSQL was unreachable then). */
    private Connection usable(Connection c) throws SQLException {
        if (!c.isClosed()) {
            return c;
        }
        synchronized (this) {
            all.remove(c);
        }
        try {
            return open();
        } catch (IllegalStateException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    private static void discard(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // closing it anyway
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // a closed connection is replaced on next use
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        all.clear();
    }
}
