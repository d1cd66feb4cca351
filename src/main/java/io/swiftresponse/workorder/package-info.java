/**
 * The work order (工单) aggregate: recording, its one explicit state machine ({@link io.swiftresponse.workorder.Lifecycle}),
 * the append-only history of every action, and the requester's privacy. Other modules react to the
 * events published here; this module never calls them.
 */
package io.swiftresponse.workorder;
