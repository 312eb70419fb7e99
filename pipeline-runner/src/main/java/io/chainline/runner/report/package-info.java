/** Reports for people: run reports, tables and progress lines. */
package io.chainline.runner.report;
