/** JDBC failures classified once for every module: retriable or permanent, secrets masked. */
package io.chainline.core.jdbc;
