package io.chainline.olap;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Stage;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.config.ConfigLoader;
import io.chainline.core.config.ConfigSources;
import io.chainline.core.error.ConfigException;
import io.chainline.core.inject.CoreModule;
import io.chainline.core.json.Json;
import io.chainline.core.lifecycle.Lifecycle;
import io.chainline.core.settings.StoreSettings;
import io.chainline.core.stage.RunContext;
import io.chainline.core.stage.RunReport;
import io.chainline.core.stage.StageChain;
import io.chainline.olap.spark.SparkSessionFactory;
import io.chainline.olap.stage.OlapRequest;
import io.chainline.olap.stage.OlapStageFactory;

/**
 * The star-schema build as a Spark application, for {@code spark-submit} (Dataproc, a standalone cluster):
 * {@code OlapJob [--raw URI] [--silver URI] [--config FILE] [--set key=value]...}. It builds an injector from
 * {@link CoreModule} and {@link OlapModule}, runs the {@code spark-session} stage and the olap-transform stage,
 * logs the run report as JSON and exits with 0 on success, 1 on a failed run, 2 on a configuration error. The
 * master that {@code spark-submit} passes (system property {@code spark.master}) wins over
 * {@code chainline.spark.master}.
 */
public final class OlapJob {
    private static final Logger LOG = LoggerFactory.getLogger(OlapJob.class);

    private OlapJob() {}

    /** Runs the job and exits with its code. */
    public static void main(String[] args) {
        int code = run(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the job; returns 0 on success, 1 on a failed run, 2 on a configuration error. */
    public static int run(String... args) {
        Injector injector;
        OlapRequest request;
        try {
            OlapJobArguments arguments = OlapJobArguments.parse(args);
            List<String> overrides = new ArrayList<>();
            String submittedMaster = System.getProperty("spark.master");
            if (submittedMaster != null && !submittedMaster.isBlank()) {
                overrides.add("chainline.spark.master=" + submittedMaster);
            }
            overrides.addAll(arguments.overrides());
            ConfigSources sources = ConfigSources.defaults().withOverrides(overrides);
            if (arguments.configFile().isPresent()) {
                sources = sources.withConfigFile(arguments.configFile().get());
            }
            Config config = new ConfigLoader(sources).load();
            injector = createInjector(config);
            URI root = StoreRootUri.of(injector.getInstance(StoreSettings.class).root());
            request = new OlapRequest(
                    arguments.raw().orElse(root), arguments.silver().orElse(root));
        } catch (ConfigException e) {
            LOG.error("Configuration error: {}", e.getMessage());
            return 2;
        }
        Lifecycle lifecycle = injector.getInstance(Lifecycle.class);
        try {
            RunContext context = RunContext.of(injector.getInstance(Config.class));
            RunReport report = StageChain.named(
                            "olap-job",
                            OlapRunStages.of(
                                    injector.getInstance(SparkSessionFactory.class),
                                    injector.getInstance(OlapStageFactory.class),
                                    request))
                    .run(context);
            LOG.info("Run report: {}", json(report));
            return report.succeeded() ? 0 : 1;
        } finally {
            lifecycle.close();
        }
    }

    /** The job's injector; the settings problems Guice wraps come back as one {@link ConfigException}. */
    private static Injector createInjector(Config config) {
        try {
            return Guice.createInjector(Stage.PRODUCTION, new CoreModule(config), new OlapModule());
        } catch (CreationException e) {
            List<String> problems = new ArrayList<>();
            for (Message message : e.getErrorMessages()) {
                if (!(message.getCause() instanceof ConfigException problem)) {
                    throw e;
                }
                problems.addAll(problem.problems());
            }
            throw new ConfigException(problems.stream().distinct().toList());
        }
    }

    private static String json(RunReport report) {
        try {
            return Json.reportMapper().writeValueAsString(report);
        } catch (JsonProcessingException e) {
            return report.toString();
        }
    }
}
