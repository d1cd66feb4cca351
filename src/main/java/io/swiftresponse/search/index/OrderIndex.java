package io.swiftresponse.search.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.ControlledRealTimeReopenThread;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of orders in one folder: one writer, near-real-time searchers refreshed by a background
 * thread (a change is searchable within {@code maxStaleSeconds}), and the watermark (the newest
 * {@code updated_at} fully indexed) stored in the same Lucene commit as the documents it covers, so the two
 * can never disagree after a crash.
 */
public final class OrderIndex implements Closeable {

    static final String WATERMARK = "watermark.updatedAtMillis";
    static final String SCHEMA = "schema";
    /** Present while a full build is incomplete: the updated_at it had reached, so a restart resumes there. */
    static final String BUILD_PROGRESS = "build.progressMillis";
    /** Bump when fields or analysis change: an index of another schema is rebuilt from the database. */
    static final String SCHEMA_VERSION = "1";

    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final ControlledRealTimeReopenThread<IndexSearcher> reopener;
    private final boolean fresh;
    private volatile long watermark;
    private volatile Long buildProgress;
    /** ~2,000 recent texts (~15 MB): enough for the orders being worked on now; a rebuild just cycles through it. */
    private final AnalyzedTexts texts = new AnalyzedTexts(ChineseAnalyzers.forIndex(), 2_048);

    public OrderIndex(Path folder, double maxStaleSeconds, double ramBufferMb) {
        try {
            Files.createDirectories(folder);
            directory = FSDirectory.open(folder);
            boolean existed = DirectoryReader.indexExists(directory);
            Map<String, String> committed = existed ? committedData(directory) : Map.of();
            boolean sameSchema = SCHEMA_VERSION.equals(committed.get(SCHEMA));
            IndexWriterConfig config = new IndexWriterConfig(ChineseAnalyzers.forIndex())
                    .setIndexSort(OrderFields.INDEX_SORT)
                    .setRAMBufferSizeMB(ramBufferMb)
                    .setOpenMode(sameSchema ? IndexWriterConfig.OpenMode.CREATE_OR_APPEND : IndexWriterConfig.OpenMode.CREATE);
            writer = new IndexWriter(directory, config);
            fresh = !sameSchema;
            watermark = sameSchema ? Long.parseLong(committed.getOrDefault(WATERMARK, "0")) : 0L;
            String progress = committed.get(BUILD_PROGRESS);
            buildProgress = !sameSchema ? Long.valueOf(0L) : progress == null ? null : Long.valueOf(progress);
            searchers = new SearcherManager(writer, null);
            reopener = new ControlledRealTimeReopenThread<>(writer, searchers, maxStaleSeconds, Math.min(0.05, maxStaleSeconds));
            reopener.setName("order-index-reopen");
            reopener.setDaemon(true);
            reopener.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the order index in " + folder, e);
        }
    }

    private static Map<String, String> committedData(FSDirectory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    /** True when the index was created empty (first start, or a schema change): it needs a full build. */
    public boolean fresh() {
        return fresh;
    }

    /** Where an interrupted full build had got to (in updated_at order), if one is unfinished. */
    public java.util.Optional<Instant> unfinishedBuild() {
        Long p = buildProgress;
        return p == null ? java.util.Optional.empty() : java.util.Optional.of(Instant.ofEpochMilli(p));
    }

    /** A full build reached this updated_at; {@code null} when it finished. Persisted with the next commit. */
    public void buildProgress(Instant reached) {
        buildProgress = reached == null ? null : reached.toEpochMilli();
    }

    /** Inserts or replaces each order's document (keyed by id), so replaying the same change is harmless. */
    public void upsert(Collection<IndexableOrder> orders) {
        try {
            for (IndexableOrder o : orders) {
                writer.updateDocument(new Term(OrderFields.ID, Long.toString(o.id())), OrderFields.toDocument(o, texts));
                watermark = Math.max(watermark, o.updatedAt().toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Everything updated up to this instant is in the index (the next commit persists it). */
    public Instant watermark() {
        return Instant.ofEpochMilli(watermark);
    }

    /** Makes the documents and the watermark durable together; cheap when nothing changed. */
    public synchronized void commit() {
        try {
            Map<String, String> data = new java.util.HashMap<>(Map.of(WATERMARK, String.valueOf(watermark), SCHEMA, SCHEMA_VERSION));
            Long progress = buildProgress;
            if (progress != null) {
                data.put(BUILD_PROGRESS, String.valueOf(progress));
            }
            if (!writer.hasUncommittedChanges() && data.equals(liveData())) {
                return;
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> liveData() {
        Map<String, String> out = new java.util.HashMap<>();
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data != null) {
            data.forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** Makes every change so far visible to searches now (tests, the end of a rebuild). */
    public void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long documents() {
        IndexSearcher s = acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            release(s);
        }
    }

    public long sizeOnDiskBytes() {
        try {
            long total = 0;
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (IOException gone) {
                    // merged away while we counted
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges down to few segments: for benchmarks and after a full rebuild, never on the request path. */
    public void forceMerge(int segments) {
        try {
            writer.forceMerge(segments);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            reopener.close();
            commit();
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
