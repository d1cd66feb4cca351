/**
 * The knowledge base (知识库): articles on policies and procedures owned by handling units, reviewed and published by
 * the hotline, searched in Chinese by agents while a caller speaks and read by the public in the portal. Owns the
 * article tables, their append-only version history, agents' flags, and the Lucene index of live articles (a
 * projection of the database fed by this module's events, kept under {@code swift.data-dir}/index/knowledge).
 */

package io.swiftresponse.knowledge;
