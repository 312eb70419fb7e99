package io.chainline.export.mage.provision;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.chainline.core.error.DataQualityException;
import io.chainline.core.manifest.ManifestTable;
import io.chainline.core.manifest.SilverManifest;
import io.chainline.export.mage.MageSettings;
import io.chainline.export.mage.client.MageBlock;

import static java.util.Objects.requireNonNull;

/**
 * The export pipeline for one manifest: a loader block and an exporter block per table, each exporter downstream of
 * its table's loader.
 *
 * @param pipelineUuid the pipeline's uuid
 * @param tables the manifest's table names, in manifest order
 * @param blocks every loader block, then every exporter block (so creating them in order never names an upstream
 *        block that does not exist yet)
 */
public record MagePipelinePlan(String pipelineUuid, List<String> tables, List<MageBlock> blocks) {
    /** The block type of loaders. */
    public static final String LOADER = "data_loader";
    /** The block type of exporters. */
    public static final String EXPORTER = "data_exporter";
    /** The prefix of every block uuid Chainline generates. */
    public static final String BLOCK_PREFIX = "chainline_";

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z0-9_]+");

    public MagePipelinePlan {
        requireNonNull(pipelineUuid, "pipelineUuid is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        blocks = List.copyOf(requireNonNull(blocks, "blocks is null"));
    }

    /**
     * The plan for {@code manifest}.
     *
     * @param manifestUri where the blocks read the manifest when a run passes no {@code chainline_manifest_uri}
     * @throws DataQualityException when the manifest has no tables or a table name is not a valid block name
     */
    public static MagePipelinePlan of(SilverManifest manifest, String manifestUri, MageSettings settings) {
        requireNonNull(manifest, "manifest is null");
        requireNonNull(manifestUri, "manifestUri is null");
        requireNonNull(settings, "settings is null");
        if (manifest.tables().isEmpty()) {
            throw new DataQualityException("The silver manifest " + manifestUri + " (run " + manifest.runId()
                    + ") has no tables: there is nothing to provision");
        }
        List<String> tables = new ArrayList<>();
        List<MageBlock> loaders = new ArrayList<>();
        List<MageBlock> exporters = new ArrayList<>();
        String pipeline = settings.pipeline();
        MageSettings.BigQueryTarget target = settings.bigQuery();
        for (ManifestTable table : manifest.tables()) {
            String name = table.name();
            if (!TABLE_NAME.matcher(name).matches()) {
                throw new DataQualityException("Invalid table name '" + name + "' in the silver manifest " + manifestUri
                        + ": a Mage block name needs lower-case letters, digits and _");
            }
            tables.add(name);
            loaders.add(new MageBlock(
                    loaderUuid(name), LOADER, "python", List.of(), BlockTemplates.loader(pipeline, name, manifestUri)));
            exporters.add(new MageBlock(
                    exporterUuid(name),
                    EXPORTER,
                    "python",
                    List.of(loaderUuid(name)),
                    BlockTemplates.exporter(pipeline, name, target.project(), target.dataset(), target.location())));
        }
        List<MageBlock> blocks = new ArrayList<>(loaders);
        blocks.addAll(exporters);
        return new MagePipelinePlan(pipeline, tables, blocks);
    }

    /** The loader block of a table: {@code chainline_load_<table>}. */
    public static String loaderUuid(String table) {
        return BLOCK_PREFIX + "load_" + table;
    }

    /** The exporter block of a table: {@code chainline_export_<table>}. */
    public static String exporterUuid(String table) {
        return BLOCK_PREFIX + "export_" + table;
    }

    /** The uuids of the blocks that read from {@code block}. */
    public List<String> downstreamOf(String block) {
        return blocks.stream()
                .filter(candidate -> candidate.upstream().contains(block))
                .map(MageBlock::uuid)
                .toList();
    }
}
