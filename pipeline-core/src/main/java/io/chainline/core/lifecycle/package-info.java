/** Ownership of run resources: created by factories, closed in reverse order by the runner. */
package io.chainline.core.lifecycle;
