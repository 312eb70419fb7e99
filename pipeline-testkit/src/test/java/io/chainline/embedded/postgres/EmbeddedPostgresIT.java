package io.chainline.embedded.postgres;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.error.ChainlineException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresIT {
    @TempDir
    Path temp;

    @Test
    void rowsSurviveARestartOnTheSameDataDir() throws Exception {
        Path dir = temp.resolve("pg");
        int port = freePort();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir, port)) {
            assertThat(postgres.port()).isEqualTo(port);
            assertThat(postgres.user()).isEqualTo("postgres");
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/postgres");
            assertThat(postgres.dataDir()).isEqualTo(dir.toAbsolutePath());
            try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE TABLE shipment (id int PRIMARY KEY, mode text NOT NULL)");
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO shipment VALUES (?, ?)")) {
                    for (int id = 1; id <= 250; id++) {
                        insert.setInt(1, id);
                        insert.setString(2, id % 2 == 0 ? "Standard Class" : "First Class");
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                assertThat(count(connection, "SELECT count(*) FROM shipment")).isEqualTo(250);
            }
        }

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(dir, port);
                Connection connection = connect(postgres, postgres.jdbcUrl())) {
            assertThat(count(connection, "SELECT count(*) FROM shipment")).isEqualTo(250);
            assertThat(count(connection, "SELECT count(*) FROM shipment WHERE mode = 'First Class'"))
                    .isEqualTo(125);
        }
    }

    @Test
    void createDatabaseIfMissingTwiceGivesOneDatabase() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(temp.resolve("pg"))) {
            postgres.createDatabaseIfMissing("chainline");
            postgres.createDatabaseIfMissing("chainline");

            assertThat(postgres.jdbcUrl("chainline"))
                    .isEqualTo("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/chainline");
            try (Connection connection = connect(postgres, postgres.jdbcUrl("chainline"));
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT current_database()")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("chainline");
            }
            try (Connection connection = connect(postgres, postgres.jdbcUrl())) {
                assertThat(count(connection, "SELECT count(*) FROM pg_database WHERE datname = 'chainline'"))
                        .isEqualTo(1);
            }
            assertThatThrownBy(() -> postgres.createDatabaseIfMissing("bad\"name"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("database name 'bad\"name' is not supported: expected a letter or _ then up to 62"
                            + " letters, digits or _");
        }
    }

    @Test
    void aDataDirServesOneServerAtATime() {
        Path dir = temp.resolve("pg");
        EmbeddedPostgres postgres = EmbeddedPostgres.start(dir);
        try {
            assertThatThrownBy(() -> EmbeddedPostgres.start(dir))
                    .isInstanceOf(ChainlineException.class)
                    .hasMessageStartingWith("PostgreSQL on " + dir + " keeps port " + postgres.port())
                    .hasMessageContaining("another process listens on 127.0.0.1:" + postgres.port());
        } finally {
            postgres.close();
        }
        postgres.close();
    }

    private static Connection connect(EmbeddedPostgres postgres, String url) throws SQLException {
        return DriverManager.getConnection(url, postgres.user(), "");
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
