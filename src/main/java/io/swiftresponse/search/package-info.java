/**
 * Order search: a Lucene index of every order's title, description, replies and notes (never the requester's
 * name or phone), fed by the work-order events, kept under {@code swift.data-dir}/index/orders, caught up from
 * the database after a restart and rebuildable by a command; queries with the order list's filters, the
 * viewer's data scope and masking, and highlighted matches.
 */
package io.swiftresponse.search;
