/** The silver manifest model: the published version of the star schema that readers and exporters follow. */
package io.chainline.core.manifest;
