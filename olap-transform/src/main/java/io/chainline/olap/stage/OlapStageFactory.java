package io.chainline.olap.stage;

import io.chainline.core.stage.Stage;

/** Creates the {@code olap-transform} stage for a request. */
public final class OlapStageFactory {

    /** The stage that builds and publishes the star schema for {@code request}. */
    public Stage create(OlapRequest request) {
        throw new UnsupportedOperationException("the olap-transform stage is not built yet");
    }
}
