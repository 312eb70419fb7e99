package io.chainline.runner.report;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;
import io.chainline.core.state.StateDirectory;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {
    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path stateDir;

    static RunReport sampleReport() {
        StageReport ingest = StageReport.builder("stream-data")
                .rowsIn(20_000)
                .rowsOut(19_990)
                .rowsRejected(10)
                .counter("dlq", 10)
                .warning("10 rows rejected: 'Order Item Id' is empty <line 17>")
                .output("kafka:supply_chain_data")
                .build()
                .withTiming(START, Duration.ofMillis(2_500));
        StageReport consume = StageReport.builder("consume")
                .rowsIn(19_990)
                .rowsOut(19_990)
                .output("jdbc:postgresql://db:5432/chainline?user=app&password=hunter2")
                .build()
                .withTiming(START, Duration.ofMillis(3_000));
        StageReport olap = StageReport.builder("olap-transform")
                .rowsIn(19_990)
                .rowsOut(19_990)
                .part(new PartReport("fact_order", 19_990, 19_990, 0, 1_234_567, Duration.ofMillis(4_200), ""))
                .part(new PartReport("dim_customer", 5_021, 5_021, 0, 98_765, Duration.ofMillis(900), ""))
                .check(CheckResult.passed("dim_customer.unique-key", "5021 keys, all distinct"))
                .check(CheckResult.warned("fact_order.late-deliveries", "54% late"))
                .check(CheckResult.failed("dim_product.not-null-name", "2 rows without a name"))
                .check(CheckResult.passed("reconciliation.kafka-to-bronze", "sent 19990 = bronze 19990"))
                .check(CheckResult.failed("reconciliation.bronze-to-raw", "bronze 19990 != raw 19989"))
                .build()
                .withTiming(START, Duration.ofMillis(9_000));
        StageReport export = StageReport.skipped("gcs-to-bigquery-pipeline", "stage 'olap-transform' failed");
        return new RunReport(
                "20261125-120000-ab12",
                "start-project",
                RunStatus.FAILED,
                START,
                Duration.ofMillis(15_000),
                List.of(ingest, consume, olap, export));
    }

    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<List<String>> rows(Document page, String firstHeader) {
        NodeList tables = page.getElementsByTagName("table");
        for (int t = 0; t < tables.getLength(); t++) {
            Element table = (Element) tables.item(t);
            NodeList trs = table.getElementsByTagName("tr");
            if (!((Element) trs.item(0))
                    .getElementsByTagName("th")
                    .item(0)
                    .getTextContent()
                    .equals(firstHeader)) {
                continue;
            }
            List<List<String>> rows = new ArrayList<>();
            for (int r = 1; r < trs.getLength(); r++) {
                NodeList cells = ((Element) trs.item(r)).getElementsByTagName("td");
                List<String> row = new ArrayList<>();
                for (int c = 0; c < cells.getLength(); c++) {
                    row.add(cells.item(c).getTextContent());
                }
                rows.add(row);
            }
            return rows;
        }
        throw new AssertionError("no table starting with column '" + firstHeader + "'");
    }

    @Test
    void thePageHoldsStagesPartsChecksRejectsAndReconciliationWithItsCounts() throws Exception {
        String html = HtmlReport.render(sampleReport());
        Document page = parse(html);

        assertThat(page.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Chainline run 20261125-120000-ab12");
        assertThat(rows(page, "Stage"))
                .extracting(row -> row.subList(0, 5))
                .containsExactly(
                        List.of("stream-data", "SUCCEEDED", "20,000", "19,990", "10"),
                        List.of("consume", "SUCCEEDED", "19,990", "19,990", "0"),
                        List.of("olap-transform", "SUCCEEDED", "19,990", "19,990", "0"),
                        List.of("gcs-to-bigquery-pipeline", "SKIPPED", "0", "0", "0"));
        assertThat(rows(page, "Part"))
                .containsExactly(
                        List.of("fact_order", "19,990", "19,990", "0", "1,234,567", "4.200", ""),
                        List.of("dim_customer", "5,021", "5,021", "0", "98,765", "0.900", ""));
        assertThat(rows(page, "Checks"))
                .containsExactly(
                        List.of("dim_customer.unique-key", "pass", "5021 keys, all distinct"),
                        List.of("fact_order.late-deliveries", "warn", "54% late"),
                        List.of("dim_product.not-null-name", "fail", "2 rows without a name"));
        assertThat(rows(page, "Reconciliation"))
                .containsExactly(
                        List.of("reconciliation.kafka-to-bronze", "pass", "sent 19990 = bronze 19990"),
                        List.of("reconciliation.bronze-to-raw", "fail", "bronze 19990 != raw 19989"));
        assertThat(rows(page, "Counter")).containsExactly(List.of("dlq", "10"));
        assertThat(page.getElementsByTagName("svg").getLength())
                .as("time, rows and parts charts")
                .isEqualTo(3);
        assertThat(page.getElementsByTagName("li").item(0).getTextContent())
                .isEqualTo("10 rows rejected: 'Order Item Id' is empty <line 17>");
        assertThat(html).contains("1 passed, 1 warned, 1 failed", "1 passed, 0 warned, 1 failed");
    }

    @Test
    void thePageLoadsNothingFromElsewhereAndHidesSecrets() {
        String html = HtmlReport.render(sampleReport());

        assertThat(html)
                .doesNotContain("http://", "https://", "<script", "<link", "src=", "hunter2")
                .contains("password=***")
                .contains("&lt;line 17&gt;");
    }

    @Test
    void aRunWritesItsJsonAndHtmlUnderReports() throws Exception {
        RunReport report = sampleReport();
        List<String> messages = new ArrayList<>();

        var paths = new RunReportPublisher(new RunReportFiles(new StateDirectory(stateDir)), messages::add)
                .publish(report, true)
                .orElseThrow();

        assertThat(paths.json()).isEqualTo(stateDir.resolve("reports/run-20261125-120000-ab12.json"));
        assertThat(paths.html()).isEqualTo(stateDir.resolve("reports/run-20261125-120000-ab12.html"));
        JsonNode json = new ObjectMapper().readTree(paths.json().toFile());
        assertThat(json.get("runId").asText()).isEqualTo("20261125-120000-ab12");
        assertThat(json.get("stages").get(0).get("rowsIn").asLong()).isEqualTo(20_000);
        assertThat(Files.readString(paths.json())).doesNotContain("hunter2");
        assertThat(Files.readString(paths.html())).isEqualTo(HtmlReport.render(report));
        assertThat(messages).contains("Run 20261125-120000-ab12 (start-project): FAILED in 15.0 s");
        assertThat(messages.subList(messages.size() - 2, messages.size()))
                .containsExactly("Report: " + paths.html(), "Report (JSON): " + paths.json());
    }

    @Test
    void aReportThatCannotBeWrittenIsSaidNotThrown() throws Exception {
        Files.writeString(stateDir.resolve("reports"), "a file where the directory should be");
        List<String> messages = new ArrayList<>();

        var paths = new RunReportPublisher(new RunReportFiles(new StateDirectory(stateDir)), messages::add)
                .publish(sampleReport(), false);

        assertThat(paths).isEmpty();
        assertThat(messages)
                .singleElement()
                .asString()
                .startsWith("Cannot write the report of run 20261125-120000-ab12: Cannot use ")
                .contains("as a directory: a file of that name exists");
    }
}
