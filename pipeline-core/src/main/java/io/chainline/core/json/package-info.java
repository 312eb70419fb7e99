/** JSON mappers for data files and for redacted reports. */
package io.chainline.core.json;
