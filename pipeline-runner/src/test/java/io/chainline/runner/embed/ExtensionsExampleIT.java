package io.chainline.runner.embed;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.inject.Module;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.chainline.core.contract.DataCoColumn;
import io.chainline.core.error.ConfigException;
import io.chainline.core.generator.DataCoGenerator;
import io.chainline.core.generator.GeneratedRow;
import io.chainline.core.stage.CheckResult;
import io.chainline.core.stage.PartReport;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.RunStatus;
import io.chainline.core.stage.StageReport;
import io.chainline.runner.Chainline;
import io.chainline.testkit.EmbeddedServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The custom source and sink of docs/embedding.md, compiled as written and run in-process against a real broker: the
 * source is chosen by name on the command line, the sinks by configuration, and the rows arrive in the custom sink.
 */
class ExtensionsExampleIT {
    private static final long ORDERS = 500;

    @RegisterExtension
    static final EmbeddedServices services = EmbeddedServices.kafka();

    @TempDir
    Path work;

    @Test
    void rowsOfTheCustomSourceArriveInTheCustomSinkChosenByConfiguration() throws Exception {
        Class<?> example = DocExample.compile("ExtensionsExample", work);

        Object result = example.getMethod("runExample", String.class, Path.class, long.class)
                .invoke(null, services.bootstrapServers(), work.resolve("state"), ORDERS);

        RunReport report = (RunReport) result.getClass().getMethod("report").invoke(result);
        Set<?> received = (Set<?>) result.getClass().getMethod("orderItemIds").invoke(result);
        assertThat(report.status()).as("%s", report).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(received).isEqualTo(generatedOrderItemIds());
        StageReport ingest = report.stage("stream-data").orElseThrow();
        assertThat(ingest.rowsOut()).isEqualTo(ORDERS);
        assertThat(ingest.parts()).extracting(PartReport::name).containsExactly("orders API (500 order items)");
        StageReport consume = report.stage("consume").orElseThrow();
        assertThat(consume.parts())
                .extracting(PartReport::name, PartReport::rowsOut)
                .containsExactly(tuple("order-items", ORDERS), tuple("raw", ORDERS));
        assertThat(consume.outputs()).contains("supply_chain_data -> order-items, raw");
        StageReport reconcile = report.stage("reconcile").orElseThrow();
        assertThat(reconcile.checks())
                .extracting(CheckResult::name)
                .containsExactly("reconciliation.ingest", "reconciliation.raw");
        assertThat(reconcile.checks()).extracting(CheckResult::status).containsOnly(CheckResult.Status.PASSED);
    }

    @Test
    void namesThatAreNotRegisteredFailWithTheRegisteredOnesIncludingTheProjectsOwn() throws Exception {
        Class<?> example = DocExample.compile("ExtensionsExample", work);
        Class<?> received = Class.forName("ExtensionsExample$ReceivedOrderItems", true, example.getClassLoader());
        Module module = (Module) Class.forName("ExtensionsExample$OrdersModule", true, example.getClassLoader())
                .getConstructor(received, long.class)
                .newInstance(received.getConstructor().newInstance(), ORDERS);
        Map<String, Object> settings = Map.of(
                "chainline.kafka.bootstrap", services.bootstrapServers(),
                "chainline.state-dir", work.resolve("state").toString(),
                "chainline.store.root", work.resolve("data").toString());

        Chainline.Builder unknownSink = Chainline.builder()
                .config(ConfigFactory.parseMap(settings)
                        .withFallback(ConfigFactory.parseMap(
                                Map.of("chainline.sinks.enabled", List.of("order-items", "s3")))))
                .module(module);
        assertThatThrownBy(unknownSink::build)
                .isInstanceOf(ConfigException.class)
                .hasMessage("Unknown sink 's3' for 'chainline.sinks.enabled': registered sinks are"
                        + " [order-items, postgres, raw]");

        try (Chainline chainline = Chainline.builder()
                .config(ConfigFactory.parseMap(settings))
                .module(module)
                .build()) {
            assertThatThrownBy(() -> chainline.run("stream-data", "--source", "orders"))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining("Unknown record source 'orders' for '--source': registered record sources"
                            + " are [csv, generator, jdbc, orders-api]");
        }
    }

    private static Set<String> generatedOrderItemIds() {
        Set<String> ids = new HashSet<>();
        Iterator<GeneratedRow> rows = new DataCoGenerator(7).rows(ORDERS);
        rows.forEachRemaining(row -> ids.add(row.get(DataCoColumn.ORDER_ITEM_ID)));
        return ids;
    }
}
