/**
 * The stage API: {@link io.chainline.core.stage.Stage}s run in a {@link io.chainline.core.stage.StageChain} and
 * produce {@link io.chainline.core.stage.StageReport}s that add up to a {@link io.chainline.core.stage.RunReport}.
 */
package io.chainline.core.stage;
