/** Reconciliation of a composite run: the counts of every hop, scoped to the run, checked against each other. */
package io.chainline.runner.reconcile;
