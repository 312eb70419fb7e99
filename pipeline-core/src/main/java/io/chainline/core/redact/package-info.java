/** Redaction of secrets in text, configuration and JSON output. */
package io.chainline.core.redact;
