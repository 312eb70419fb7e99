package io.chainline.export.bigquery;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A BigQuery v2 REST stub on 127.0.0.1 that answers what a dataset check, a load or query job and its wait, a table
 * read and the registration of external tables need: datasets.get/insert, jobs.insert/get/getQueryResults,
 * tables.get/insert/patch/update. A query job with a destination table is kept like a load job into that table; one
 * whose statement ends in {@code LIMIT 0} and writes with {@code WRITE_TRUNCATE} leaves its table with no rows. It
 * records the requests, fails the load job of chosen tables and reports chosen row counts (by default the rows each
 * load job's table was given with {@link #rows(String, long)}). Inserted tables are kept as the REST contract
 * describes them (https://cloud.google.com/bigquery/docs/reference/rest/v2/tables): {@code type} EXTERNAL when the
 * body has an {@code externalDataConfiguration}, else TABLE; a patch replaces the top-level fields its body names.
 * Tables are kept by table id alone, so a test uses one dataset.
 */
final class BigQueryStub implements AutoCloseable {
    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final Map<String, JsonNode> datasets = new ConcurrentHashMap<>();
    private final Map<String, String> jobTables = new ConcurrentHashMap<>();
    private final Map<String, Long> rows = new ConcurrentHashMap<>();
    private final Map<String, String[]> failures = new ConcurrentHashMap<>();
    private final Set<String> neverFinishing = ConcurrentHashMap.newKeySet();
    private final List<JsonNode> jobInserts = new CopyOnWriteArrayList<>();
    private final List<JsonNode> datasetInserts = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, ObjectNode> tables = new ConcurrentHashMap<>();
    private final List<JsonNode> tableInserts = new CopyOnWriteArrayList<>();
    private final List<TableChange> tableChanges = new CopyOnWriteArrayList<>();
    private final Set<String> frozen = ConcurrentHashMap.newKeySet();

    /**
     * A tables.patch or tables.update the stub received.
     *
     * @param method {@code PATCH} (also when sent as a POST with {@code X-HTTP-Method-Override}) or {@code PUT}
     * @param table the table id of the path
     * @param query the request's query string
     * @param body the request body
     */
    record TableChange(String method, String table, String query, JsonNode body) {}

    BigQueryStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Makes the dataset exist. */
    void dataset(String project, String dataset) {
        datasets.put(project + ":" + dataset, json.createObjectNode());
    }

    /** The row count tables.get reports for {@code table}. */
    void rows(String table, long count) {
        rows.put(table, count);
    }

    /** Makes the load job of {@code table} finish with this error. */
    void failLoad(String table, String reason, String message) {
        failures.put(table, new String[] {reason, message});
    }

    /** Keeps the load job of {@code table} running forever. */
    void neverFinish(String table) {
        neverFinishing.add(table);
    }

    /** Makes {@code table} exist as a native table, as a load job leaves it. */
    void nativeTable(String project, String dataset, String table) {
        ObjectNode resource = json.createObjectNode();
        resource.putObject("tableReference")
                .put("projectId", project)
                .put("datasetId", dataset)
                .put("tableId", table);
        tables.put(table, resource);
        complete(resource, "TABLE");
    }

    /** Makes patches and updates of {@code table} succeed without changing it. */
    void ignoreChangesOf(String table) {
        frozen.add(table);
    }

    /** The stored resource of a table inserted or made to exist, or null. */
    JsonNode table(String table) {
        return tables.get(table);
    }

    List<JsonNode> tableInserts() {
        return tableInserts;
    }

    List<TableChange> tableChanges() {
        return tableChanges;
    }

    List<JsonNode> jobInserts() {
        return jobInserts;
    }

    List<JsonNode> datasetInserts() {
        return datasetInserts;
    }

    List<String> requests() {
        return requests;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
            String method = override == null ? exchange.getRequestMethod() : override;
            String path = exchange.getRequestURI().getPath();
            requests.add(method + " " + exchange.getRequestURI());
            String[] parts = path.replaceFirst("^/bigquery/v2/projects/", "").split("/");
            String project = parts[0];
            if (method.equals("POST") && parts.length == 2 && parts[1].equals("datasets")) {
                JsonNode body = body(exchange);
                datasetInserts.add(body);
                String id = project + ":"
                        + body.path("datasetReference").path("datasetId").asText();
                datasets.put(id, body);
                reply(exchange, 200, body);
            } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("datasets")) {
                JsonNode dataset = datasets.get(project + ":" + parts[2]);
                if (dataset == null) {
                    notFound(exchange, "Dataset " + project + ":" + parts[2]);
                } else {
                    ObjectNode reply = json.createObjectNode();
                    reply.putObject("datasetReference")
                            .put("projectId", project)
                            .put("datasetId", parts[2]);
                    reply.put("id", project + ":" + parts[2]);
                    reply(exchange, 200, reply);
                }
            } else if (method.equals("POST") && parts.length == 2 && parts[1].equals("jobs")) {
                JsonNode body = body(exchange);
                String jobId = body.path("jobReference").path("jobId").asText();
                if (jobTables.containsKey(jobId)) {
                    reply(exchange, 409, error(409, "duplicate", "Already Exists: Job " + project + ":" + jobId));
                    return;
                }
                jobInserts.add(body);
                JsonNode query = body.path("configuration").path("query");
                JsonNode destination = query.isMissingNode()
                        ? body.path("configuration").path("load").path("destinationTable")
                        : query.path("destinationTable");
                String table = destination.path("tableId").asText();
                jobTables.put(jobId, table);
                if (!query.isMissingNode()
                        && query.path("query").asText().endsWith(" LIMIT 0")
                        && query.path("writeDisposition").asText().equals("WRITE_TRUNCATE")) {
                    // A query of no rows written over its destination leaves the table empty.
                    rows.put(table, 0L);
                }
                reply(exchange, 200, job(body, jobId, "RUNNING"));
            } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("jobs")) {
                String jobId = parts[2];
                JsonNode insert = jobInsert(jobId);
                if (insert == null) {
                    notFound(exchange, "Job " + jobId);
                } else {
                    boolean running = neverFinishing.contains(jobTables.get(jobId));
                    reply(exchange, 200, job(insert, jobId, running ? "RUNNING" : "DONE"));
                }
            } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("queries")) {
                JsonNode insert = jobInsert(parts[2]);
                if (insert == null) {
                    notFound(exchange, "Job " + parts[2]);
                } else {
                    ObjectNode reply = json.createObjectNode();
                    reply.put("kind", "bigquery#getQueryResultsResponse")
                            .put("jobComplete", !neverFinishing.contains(jobTables.get(parts[2])))
                            .put("totalRows", "0");
                    reply.set("jobReference", insert.path("jobReference"));
                    reply.putObject("schema").putArray("fields");
                    reply(exchange, 200, reply);
                }
            } else if (method.equals("POST") && parts.length == 4 && parts[3].equals("tables")) {
                JsonNode body = body(exchange);
                String table = body.path("tableReference").path("tableId").asText();
                if (tables.containsKey(table) || jobTables.containsValue(table)) {
                    reply(exchange, 409, error(409, "duplicate", "Already Exists: Table " + project + ":" + table));
                    return;
                }
                tableInserts.add(body);
                ObjectNode resource = body.deepCopy();
                tables.put(table, resource);
                reply(exchange, 200, complete(resource, body.has("externalDataConfiguration") ? "EXTERNAL" : "TABLE"));
            } else if ((method.equals("PATCH") || method.equals("PUT"))
                    && parts.length == 5
                    && parts[3].equals("tables")) {
                String table = parts[4];
                JsonNode body = body(exchange);
                tableChanges.add(
                        new TableChange(method, table, exchange.getRequestURI().getQuery(), body));
                ObjectNode resource = tables.get(table);
                if (resource == null) {
                    notFound(exchange, "Table " + project + ":" + parts[2] + "." + table);
                    return;
                }
                if (!frozen.contains(table)) {
                    if (method.equals("PUT")) {
                        resource.removeAll();
                    }
                    body.fields().forEachRemaining(field -> resource.set(field.getKey(), field.getValue()));
                    complete(resource, resource.has("externalDataConfiguration") ? "EXTERNAL" : "TABLE");
                }
                reply(exchange, 200, resource);
            } else if (method.equals("GET")
                    && parts.length == 5
                    && parts[3].equals("tables")
                    && tables.containsKey(parts[4])) {
                reply(exchange, 200, tables.get(parts[4]));
            } else if (method.equals("GET") && parts.length == 5 && parts[3].equals("tables")) {
                String table = parts[4];
                if (!jobTables.containsValue(table)) {
                    notFound(exchange, "Table " + table);
                    return;
                }
                ObjectNode reply = json.createObjectNode();
                reply.put("kind", "bigquery#table")
                        .put("id", project + ":" + parts[2] + "." + table)
                        .put("type", "TABLE")
                        .put("numRows", Long.toString(rows.getOrDefault(table, 0L)));
                reply.putObject("tableReference")
                        .put("projectId", project)
                        .put("datasetId", parts[2])
                        .put("tableId", table);
                reply(exchange, 200, reply);
            } else {
                reply(exchange, 400, error(400, "badRequest", "the stub does not serve " + method + " " + path));
            }
        }
    }

    private JsonNode jobInsert(String jobId) {
        return jobInserts.stream()
                .filter(j -> j.path("jobReference").path("jobId").asText().equals(jobId))
                .findFirst()
                .orElse(null);
    }

    /** Adds what BigQuery fills in itself: kind, id and type. */
    private ObjectNode complete(ObjectNode table, String type) {
        JsonNode reference = table.path("tableReference");
        table.put("kind", "bigquery#table")
                .put(
                        "id",
                        reference.path("projectId").asText() + ":"
                                + reference.path("datasetId").asText() + "."
                                + reference.path("tableId").asText())
                .put("type", type);
        return table;
    }

    private ObjectNode job(JsonNode insert, String jobId, String state) {
        ObjectNode job = json.createObjectNode();
        job.put("kind", "bigquery#job").put("id", jobId);
        job.set("jobReference", insert.path("jobReference"));
        job.set("configuration", insert.path("configuration"));
        ObjectNode status = job.putObject("status").put("state", state);
        String table = jobTables.get(jobId);
        String[] failure = failures.get(table);
        if (state.equals("DONE") && failure != null) {
            status.putObject("errorResult").put("reason", failure[0]).put("message", failure[1]);
            status.putArray("errors").addObject().put("reason", failure[0]).put("message", failure[1]);
        }
        ObjectNode statistics = job.putObject("statistics").put("creationTime", "1764072000000");
        if (insert.path("configuration").has("query")) {
            statistics.putObject("query").put("statementType", "SELECT").put("totalBytesProcessed", "0");
        } else if (state.equals("DONE") && failure == null) {
            statistics.putObject("load").put("outputRows", Long.toString(rows.getOrDefault(table, 0L)));
        }
        return job;
    }

    private void notFound(HttpExchange exchange, String what) throws IOException {
        reply(exchange, 404, error(404, "notFound", "Not found: " + what));
    }

    private ObjectNode error(int code, String reason, String message) {
        ObjectNode error = json.createObjectNode();
        ObjectNode inner = error.putObject("error").put("code", code).put("message", message);
        inner.putArray("errors").addObject().put("reason", reason).put("message", message);
        return error;
    }

    private JsonNode body(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
        try (InputStream in =
                gzip ? new GZIPInputStream(new ByteArrayInputStream(raw)) : new ByteArrayInputStream(raw)) {
            return json.readTree(in);
        }
    }

    private void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
