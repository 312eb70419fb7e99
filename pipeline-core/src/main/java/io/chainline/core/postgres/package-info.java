/** The PostgreSQL endpoint of a run and JDBC connections with classified errors. */
package io.chainline.core.postgres;
