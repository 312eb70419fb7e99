package io.chainline.export.mage.provision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.chainline.core.error.ChainlineException;
import io.chainline.export.mage.client.MageBlock;

import static java.util.Objects.requireNonNull;

/**
 * Writes a pipeline into a Mage project directory the way Mage lays it out: {@code data_loaders/<uuid>.py},
 * {@code data_exporters/<uuid>.py} and {@code pipelines/<pipeline>/metadata.yaml}. Every file is replaced atomically,
 * so Mage never reads half a block.
 */
final class ProjectFiles {
    private final Path projectDir;

    /** A writer into {@code projectDir}, which must exist (it is the Mage project, not created here). */
    ProjectFiles(Path projectDir) {
        this.projectDir = requireNonNull(projectDir, "projectDir is null")
                .toAbsolutePath()
                .normalize();
    }

    /**
     * Writes the plan's blocks and metadata.
     *
     * @return the files written, relative to the project directory
     * @throws ChainlineException naming the directory when it is not a directory or a file cannot be written
     */
    List<Path> write(MagePipelinePlan plan) {
        requireNonNull(plan, "plan is null");
        if (!Files.isDirectory(projectDir)) {
            throw new ChainlineException("The Mage project directory " + projectDir + " (chainline.mage.project-dir)"
                    + " does not exist or is not a directory: it must be the Mage project's directory");
        }
        List<Path> written = new ArrayList<>();
        for (MageBlock block : plan.blocks()) {
            written.add(write(Path.of(typeDirectory(block.type()), block.uuid() + ".py"), block.content()));
        }
        Path pipelineDir = Path.of("pipelines", plan.pipelineUuid());
        written.add(write(pipelineDir.resolve("__init__.py"), ""));
        written.add(write(pipelineDir.resolve("metadata.yaml"), PipelineMetadata.yaml(plan)));
        return written;
    }

    /** Mage's directory of a block type: the type plus "s", except {@code custom}. */
    static String typeDirectory(String type) {
        return "custom".equals(type) ? type : type + "s";
    }

    private Path write(Path relative, String content) {
        Path target = projectDir.resolve(relative);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new ChainlineException("Cannot write the Mage file " + target + ": " + e, e);
        }
        return relative;
    }
}
