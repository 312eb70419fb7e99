package io.chainline.export.mage.provision;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.chainline.core.error.ChainlineException;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.MageTriggerStore;
import io.chainline.export.mage.client.MageBlock;
import io.chainline.export.mage.client.MageClient;
import io.chainline.export.mage.client.MageSchedule;
import io.chainline.export.mage.client.MageTrigger;

import static java.util.Objects.requireNonNull;

/**
 * Provisions the export pipeline in a Mage project: one loader and one exporter block per table of the silver
 * manifest plus the pipeline's {@code metadata.yaml} — written as files into {@code chainline.mage.project-dir} when
 * it is set, else created through Mage's API — then creates or reuses an active API trigger and keeps its id and
 * token in the state directory. Running it again updates the blocks in place and reuses the trigger.
 */
public final class MageProvisioner {
    private static final Logger log = LoggerFactory.getLogger(MageProvisioner.class);

    private final MageSettings settings;
    private final MageClient client;
    private final MageTriggerStore triggers;

    /**
     * @param settings {@code chainline.mage}
     * @param client a client of the server at {@code chainline.mage.url}
     * @param triggers where the trigger is kept
     */
    public MageProvisioner(MageSettings settings, MageClient client, MageTriggerStore triggers) {
        this.settings = requireNonNull(settings, "settings is null");
        this.client = requireNonNull(client, "client is null");
        this.triggers = requireNonNull(triggers, "triggers is null");
    }

    /**
     * Provisions the pipeline for {@code manifest} and stores its trigger.
     *
     * @param manifestUri where the blocks read the manifest by default, e.g. {@code gs://bkt/silver/_manifest.json}
     * @throws io.chainline.export.mage.client.MageApiException when Mage refuses a request
     * @throws ChainlineException when the project directory cannot be written or Mage does not see the pipeline
     */
    public ProvisionResult provision(SilverManifest manifest, String manifestUri) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(manifestUri, "manifestUri is null");
        MagePipelinePlan plan = MagePipelinePlan.of(manifest, manifestUri, settings);
        String method;
        if (settings.projectDir().isPresent()) {
            Path dir = settings.projectDir().get();
            List<Path> files = new ProjectFiles(dir).write(plan);
            log.info("Wrote {} files of Mage pipeline {} into {}", files.size(), plan.pipelineUuid(), dir);
            if (client.pipelineBlocks(plan.pipelineUuid()).isEmpty()) {
                throw new ChainlineException("Mage at " + client.server() + " does not see pipeline "
                        + plan.pipelineUuid() + " written into " + dir + ": chainline.mage.project-dir must be the"
                        + " directory of the project that Mage serves");
            }
            method = "files";
        } else {
            createThroughApi(plan);
            method = "api";
        }
        TriggerChoice trigger = ensureTrigger(plan.pipelineUuid());
        triggers.save(trigger.trigger());
        log.info(
                "Mage pipeline {} has {} blocks; API trigger {} (schedule {}) {} and stored in {}",
                plan.pipelineUuid(),
                plan.blocks().size(),
                trigger.trigger().name(),
                trigger.trigger().scheduleId(),
                trigger.created() ? "created" : "reused",
                triggers.file());
        return new ProvisionResult(
                client.server(),
                plan.pipelineUuid(),
                method,
                plan.blocks().stream().map(MageBlock::uuid).toList(),
                manifest.runId(),
                trigger.trigger().name(),
                trigger.trigger().scheduleId(),
                trigger.created(),
                triggers.file());
    }

    private void createThroughApi(MagePipelinePlan plan) {
        String pipeline = plan.pipelineUuid();
        Optional<Set<String>> existing = client.pipelineBlocks(pipeline);
        if (existing.isEmpty()) {
            client.createPipeline(pipeline);
            log.info("Created Mage pipeline {}", pipeline);
        }
        Set<String> present = existing.orElse(Set.of());
        for (MageBlock block : plan.blocks()) {
            if (present.contains(block.uuid())) {
                client.updateBlock(pipeline, block);
            } else {
                client.createBlock(pipeline, block);
            }
        }
        Set<String> planned = plan.blocks().stream().map(MageBlock::uuid).collect(Collectors.toSet());
        List<String> stale = present.stream()
                .filter(uuid -> uuid.startsWith(MagePipelinePlan.BLOCK_PREFIX))
                .filter(uuid -> !planned.contains(uuid))
                .sorted()
                .toList();
        if (!stale.isEmpty()) {
            log.warn(
                    "Mage pipeline {} keeps blocks of tables that are no longer in the silver manifest: {}; they load"
                            + " nothing and can be removed in Mage",
                    pipeline,
                    stale);
        }
    }

    private record TriggerChoice(MageTrigger trigger, boolean created) {}

    private TriggerChoice ensureTrigger(String pipeline) {
        String name = settings.triggerName();
        Optional<MageSchedule> found = client.schedules(pipeline).stream()
                .filter(schedule -> schedule.isApiTrigger() && schedule.name().equals(name))
                .findFirst();
        MageSchedule schedule;
        boolean created = found.isEmpty();
        if (created) {
            schedule = client.createApiTrigger(pipeline, name);
        } else if (!found.get().isActive() || found.get().token().isEmpty()) {
            schedule =
                    client.updateSchedule(found.get().id(), found.get().token().isEmpty());
        } else {
            schedule = found.get();
        }
        if (schedule.token().isEmpty()) {
            // HIDE_API_TRIGGER_TOKEN hides tokens except in the reply to a rotation.
            schedule = client.updateSchedule(schedule.id(), true);
        }
        if (schedule.token().isEmpty()) {
            throw new ChainlineException("Mage at " + client.server() + " shows no token for API trigger " + name
                    + " (schedule " + schedule.id() + ") of pipeline " + pipeline + ", even after rotating it");
        }
        return new TriggerChoice(new MageTrigger(pipeline, name, schedule.id(), schedule.token()), created);
    }
}
