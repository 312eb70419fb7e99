package io.chainline.olap.stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.NoSuchNamespaceException;
import org.apache.iceberg.exceptions.NoSuchTableException;
import org.apache.iceberg.exceptions.NoSuchViewException;
import org.apache.iceberg.exceptions.NotFoundException;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.rest.CatalogHandlers;
import org.apache.iceberg.rest.RESTCatalogProperties;
import org.apache.iceberg.rest.RESTUtil;
import org.apache.iceberg.rest.requests.CreateNamespaceRequest;
import org.apache.iceberg.rest.requests.CreateTableRequest;
import org.apache.iceberg.rest.requests.UpdateTableRequest;
import org.apache.iceberg.rest.responses.ConfigResponse;
import org.apache.iceberg.rest.responses.ErrorResponse;
import org.apache.iceberg.rest.responses.ListTablesResponse;
import org.apache.iceberg.shaded.com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An Apache Iceberg REST catalog on localhost for tests: the routes of the REST catalog specification that a Spark
 * client uses for tables and namespaces, each answered by Iceberg's own {@link CatalogHandlers} over a
 * {@link HadoopCatalog} in a local directory — the way Iceberg's reference server answers them.
 */
final class IcebergRestCatalog implements AutoCloseable {
    private static final String V1 = "/v1/";
    /** The separator of a multi-level namespace in a path segment, as the specification encodes it. */
    private static final String NAMESPACE_SEPARATOR = "%1F";

    private final HttpServer server;
    private final HadoopCatalog catalog;
    private final ObjectMapper json;
    private final AtomicInteger commits = new AtomicInteger();

    private IcebergRestCatalog(HttpServer server, HadoopCatalog catalog, ObjectMapper json) {
        this.server = server;
        this.catalog = catalog;
        this.json = json;
    }

    /** Starts a catalog whose tables live under {@code warehouse}. */
    static IcebergRestCatalog start(Path warehouse) throws IOException {
        HadoopCatalog catalog =
                new HadoopCatalog(new Configuration(), warehouse.toUri().toString());
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        IcebergRestCatalog rest = new IcebergRestCatalog(server, catalog, restMapper());
        server.createContext("/", rest::handle);
        server.start();
        return rest;
    }

    /** The catalog's base URI, the {@code uri} of a rest catalog client. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** How many table commits the catalog accepted. */
    int commits() {
        return commits.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
        catalog.close();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            List<String> path = segments(exchange.getRequestURI().getRawPath());
            try {
                Object response = route(method, path, exchange.getRequestBody());
                if (response == null) {
                    exchange.sendResponseHeaders(204, -1);
                } else {
                    send(exchange, 200, json.writeValueAsBytes(response));
                }
            } catch (RuntimeException e) {
                int code = status(e);
                ErrorResponse error = ErrorResponse.builder()
                        .responseCode(code)
                        .withType(e.getClass().getSimpleName())
                        .withMessage(String.valueOf(e.getMessage()))
                        .build();
                send(exchange, code, method.equals("HEAD") ? null : json.writeValueAsBytes(error));
            }
        }
    }

    private Object route(String method, List<String> path, InputStream body) throws IOException {
        if (path.equals(List.of("config"))) {
            return ConfigResponse.builder().build();
        }
        if (path.size() < 1 || !path.get(0).equals("namespaces")) {
            throw new NotFoundException("No route for %s /v1/%s", method, String.join("/", path));
        }
        if (path.size() == 1) {
            return method.equals("POST")
                    ? CatalogHandlers.createNamespace(catalog, json.readValue(body, CreateNamespaceRequest.class))
                    : CatalogHandlers.listNamespaces(catalog, Namespace.empty());
        }
        Namespace namespace = RESTUtil.decodeNamespace(path.get(1), NAMESPACE_SEPARATOR);
        if (path.size() == 2) {
            if (method.equals("HEAD")) {
                CatalogHandlers.namespaceExists(catalog, namespace);
                return null;
            }
            return CatalogHandlers.loadNamespace(catalog, namespace);
        }
        if (path.get(2).equals("views")) {
            if (path.size() == 3) {
                return ListTablesResponse.builder().build();
            }
            throw new NoSuchViewException("View does not exist: %s.%s", namespace, path.get(3));
        }
        if (path.size() == 3) {
            return method.equals("POST")
                    ? CatalogHandlers.createTable(catalog, namespace, json.readValue(body, CreateTableRequest.class))
                    : CatalogHandlers.listTables(catalog, namespace);
        }
        TableIdentifier table = TableIdentifier.of(namespace, RESTUtil.decodeString(path.get(3)));
        if (path.size() == 5 && path.get(4).equals("metrics")) {
            return null;
        }
        switch (method) {
            case "HEAD":
                CatalogHandlers.tableExists(catalog, table);
                return null;
            case "GET":
                return CatalogHandlers.loadTable(catalog, table, RESTCatalogProperties.SnapshotMode.ALL);
            case "POST":
                Object committed =
                        CatalogHandlers.updateTable(catalog, table, json.readValue(body, UpdateTableRequest.class));
                commits.incrementAndGet();
                return committed;
            case "DELETE":
                CatalogHandlers.dropTable(catalog, table);
                return null;
            default:
                throw new NotFoundException("No route for %s on table %s", method, table);
        }
    }

    private static int status(RuntimeException e) {
        if (e instanceof NoSuchTableException
                || e instanceof NoSuchNamespaceException
                || e instanceof NoSuchViewException
                || e instanceof NotFoundException) {
            return 404;
        }
        if (e instanceof AlreadyExistsException || e instanceof CommitFailedException) {
            return 409;
        }
        return e instanceof IllegalArgumentException ? 400 : 500;
    }

    private static void send(HttpExchange exchange, int code, byte[] body) throws IOException {
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange.sendResponseHeaders(code, body == null ? -1 : body.length);
        if (body != null) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static List<String> segments(String rawPath) {
        if (!rawPath.startsWith(V1)) {
            return List.of();
        }
        return List.of(rawPath.substring(V1.length()).split("/"));
    }

    /** Iceberg's REST object mapper (its serializers and kebab-case names), which Iceberg keeps package-private. */
    private static ObjectMapper restMapper() {
        try {
            Method mapper =
                    Class.forName("org.apache.iceberg.rest.RESTObjectMapper").getDeclaredMethod("mapper");
            mapper.setAccessible(true);
            return (ObjectMapper) mapper.invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Iceberg's RESTObjectMapper is not where this test expects it", e);
        }
    }
}
