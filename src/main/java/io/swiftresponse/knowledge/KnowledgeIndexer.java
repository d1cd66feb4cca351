package io.swiftresponse.knowledge;

import io.swiftresponse.knowledge.internal.ArticleHtml;
import io.swiftresponse.knowledge.internal.ArticleIndex;
import io.swiftresponse.knowledge.internal.IndexedArticle;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the Lucene index a projection of the live articles: follows this module's events and rebuilds from the
 * database on demand (admin API, {@code knowledge reindex}) or at start when the index and database disagree.
 */
@Component
class KnowledgeIndexer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexer.class);

    private final ArticleRepository articles;
    private final ArticleIndex index;
    private final List<String> curatedSynonyms;
    private final Set<String> articleSynonyms = new LinkedHashSet<>();

    KnowledgeIndexer(ArticleRepository articles, @Value("${swift.data-dir:./data}") String dataDir) {
        this.articles = articles;
        this.index = new ArticleIndex(Path.of(dataDir, "index", "knowledge"));
        this.curatedSynonyms = curated();
        index.useSynonyms(curatedSynonyms);
    }

    ArticleIndex index() {
        return index;
    }

    @ApplicationModuleListener
    void on(ArticlePublished e) {
        refresh(e.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleRetired e) {
        index.remove(e.articleId());
    }

    @ApplicationModuleListener
    void on(ArticleUsed e) {
        refresh(e.articleId());
    }

    /** Replaces the index with the live articles of the database; returns how many were indexed. */
    synchronized int rebuild() {
        return load(true);
    }

    /**
     * At start: the synonyms come from the database; the index is rebuilt only when it lost documents (a new
     * data folder, a crash before commit), so a restart does not re-index every article.
     */
    synchronized void rebuildIfStale() {
        load(false);
    }

    private int load(boolean always) {
        List<Article> live = articles.live(null);
        articleSynonyms.clear();
        live.forEach(a -> articleSynonyms.addAll(groups(a.synonyms())));
        if (always || index.size() != live.size()) {
            index.replaceAll(live.stream().map(KnowledgeIndexer::indexed).toList());
            log.info("Knowledge index rebuilt with {} live articles", live.size());
        }
        useSynonyms();
        return live.size();
    }

    private synchronized void refresh(long id) {
        List<Article> live = articles.live(id);
        if (live.isEmpty()) {
            index.remove(id);
            return;
        }
        Article a = live.get(0);
        index.put(indexed(a));
        if (articleSynonyms.addAll(groups(a.synonyms()))) useSynonyms();
    }

    private void useSynonyms() {
        List<String> all = new ArrayList<>(curatedSynonyms);
        all.addAll(articleSynonyms);
        index.useSynonyms(all);
    }

    static IndexedArticle indexed(Article a) {
        return new IndexedArticle(a.id(), a.title(), ArticleHtml.text(a.bodyHtml()), a.keywords() + "\n" + a.synonyms(), a.unitCode(),
                a.categoryCodes(), a.effectiveFrom(), a.expiresOn(), a.updatedAt() == null ? a.createdAt() : a.updatedAt(), a.usageCount());
    }

    /** Groups are separated by new lines or semicolons; words within a group by commas. */
    static List<String> groups(String synonyms) {
        if (synonyms == null || synonyms.isBlank()) return List.of();
        return Arrays.stream(synonyms.split("[;；\\n]")).map(String::strip).filter(g -> g.contains(",") || g.contains("，") || g.contains("、")).toList();
    }

    static List<String> curated() {
        try (InputStream in = KnowledgeIndexer.class.getResourceAsStream("/knowledge/synonyms.txt")) {
            if (in == null) return List.of();
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
