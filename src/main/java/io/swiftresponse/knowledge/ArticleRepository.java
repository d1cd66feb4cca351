package io.swiftresponse.knowledge;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for articles, their version history, flags and uses. */
@Repository
class ArticleRepository {

    private final JdbcClient jdbc;

    ArticleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ArticleInput in, String bodyHtml, String unitCode, String actor, Instant now) {
        return jdbc.sql("""
                insert into kb_article (title, body_html, unit_code, category_codes, keywords, synonyms, effective_from, expires_on,
                                        status, version, created_by, created_at, updated_at)
                values (:title, :body, :unit, :cats, :keywords, :synonyms, :eff, :exp, 'DRAFT', 1, :actor, :now, :now)
                returning id""")
                .param("title", in.title()).param("body", bodyHtml).param("unit", unitCode)
                .param("cats", in.categoryCodes().toArray(String[]::new))
                .param("keywords", nz(in.keywords())).param("synonyms", nz(in.synonyms()))
                .param("eff", Date.valueOf(in.effectiveFrom())).param("exp", in.expiresOn() == null ? null : Date.valueOf(in.expiresOn()))
                .param("actor", actor).param("now", Timestamp.from(now))
                .query(Long.class).single();
    }

    void updateContent(long id, ArticleInput in, String bodyHtml, ArticleStatus status, Instant now) {
        jdbc.sql("""
                update kb_article set title = :title, body_html = :body, category_codes = :cats, keywords = :keywords,
                       synonyms = :synonyms, effective_from = :eff, expires_on = :exp, status = :status, version = version + 1,
                       updated_at = :now, expiry_notified = null
                where id = :id""")
                .param("title", in.title()).param("body", bodyHtml).param("cats", in.categoryCodes().toArray(String[]::new))
                .param("keywords", nz(in.keywords())).param("synonyms", nz(in.synonyms()))
                .param("eff", Date.valueOf(in.effectiveFrom())).param("exp", in.expiresOn() == null ? null : Date.valueOf(in.expiresOn()))
                .param("status", status.name()).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    void updateStatus(long id, ArticleStatus status, boolean goLive, boolean takeDown, Instant now) {
        jdbc.sql("""
                update kb_article set status = :status, updated_at = :now,
                       live_version = case when :live then version when :down then null else live_version end,
                       published_at = case when :live then :now else published_at end
                where id = :id""")
                .param("status", status.name()).param("live", goLive).param("down", takeDown).param("now", Timestamp.from(now))
                .param("id", id).update();
    }

    void appendVersion(long id, String action, String actor, String role, Instant now, String note) {
        jdbc.sql("""
                insert into kb_article_version (article_id, version, action, status, title, body_html, unit_code, category_codes,
                                                keywords, synonyms, effective_from, expires_on, actor, actor_role, at, note)
                select id, version, :action, status, title, body_html, unit_code, category_codes, keywords, synonyms,
                       effective_from, expires_on, :actor, :role, :now, :note
                from kb_article where id = :id""")
                .param("action", action).param("actor", actor).param("role", role).param("now", Timestamp.from(now))
                .param("note", note).param("id", id).update();
    }

    Optional<Article> find(long id) {
        return jdbc.sql("select * from kb_article where id = ?").param(id).query(ArticleRepository::article).optional();
    }

    Optional<Article> findForUpdate(long id) {
        return jdbc.sql("select * from kb_article where id = ? for update").param(id).query(ArticleRepository::article).optional();
    }

    List<Article> list(String unitCode, ArticleStatus status, int limit, int offset) {
        return jdbc.sql("""
                select * from kb_article where (cast(:unit as varchar) is null or unit_code = :unit)
                  and (cast(:status as varchar) is null or status = :status)
                order by updated_at desc, id desc limit :limit offset :offset""")
                .param("unit", unitCode).param("status", status == null ? null : status.name())
                .param("limit", limit).param("offset", offset)
                .query(ArticleRepository::article).list();
    }

    List<ArticleVersion> history(long id) {
        return jdbc.sql("select * from kb_article_version where article_id = ? order by id").param(id)
                .query((rs, i) -> new ArticleVersion(rs.getLong("id"), rs.getInt("version"), rs.getString("action"),
                        ArticleStatus.valueOf(rs.getString("status")), rs.getString("title"), rs.getString("body_html"),
                        rs.getString("unit_code"), codes(rs.getArray("category_codes")), rs.getString("keywords"),
                        rs.getString("synonyms"), rs.getDate("effective_from").toLocalDate(), date(rs, "expires_on"),
                        rs.getString("actor"), rs.getString("actor_role"), rs.getTimestamp("at").toInstant(), rs.getString("note")))
                .list();
    }

    /**
     * What agents and the public read: the content of each article's live version (the last snapshot of that
     * version), with the current usage count. One article when {@code id} is given, else all live articles.
     */
    List<Article> live(Long id) {
        return jdbc.sql("""
                select distinct on (a.id) a.id, v.title, v.body_html, a.unit_code, v.category_codes, v.keywords, v.synonyms,
                       v.effective_from, v.expires_on, a.status, a.version, a.live_version, a.usage_count, a.created_by,
                       a.created_at, a.published_at as updated_at, a.published_at
                from kb_article a join kb_article_version v on v.article_id = a.id and v.version = a.live_version
                where a.live_version is not null and a.status <> 'RETIRED' and (cast(:id as bigint) is null or a.id = :id)
                order by a.id, v.id desc""")
                .param("id", id).query(ArticleRepository::article).list();
    }

    /** Live articles whose last day in force is before {@code today} and whose owner has not been told yet. */
    List<Article> newlyExpired(LocalDate today) {
        return jdbc.sql("""
                select * from kb_article where live_version is not null and status <> 'RETIRED'
                  and expires_on < :today and expiry_notified is null for update skip locked""")
                .param("today", Date.valueOf(today)).query(ArticleRepository::article).list();
    }

    void markExpiryNotified(long id, LocalDate today) {
        jdbc.sql("update kb_article set expiry_notified = ? where id = ?").params(Date.valueOf(today), id).update();
    }

    List<Article> expiredOf(String unitCode, LocalDate today) {
        return jdbc.sql("""
                select * from kb_article where live_version is not null and status <> 'RETIRED' and expires_on < :today
                  and (cast(:unit as varchar) is null or unit_code = :unit) order by expires_on, id""")
                .param("today", Date.valueOf(today)).param("unit", unitCode).query(ArticleRepository::article).list();
    }

    long insertFlag(long articleId, ArticleFlag.Reason reason, String note, String actor, Instant now) {
        return jdbc.sql("insert into kb_article_flag (article_id, reason, note, flagged_by, at) values (?, ?, ?, ?, ?) returning id")
                .params(articleId, reason.name(), note, actor, Timestamp.from(now)).query(Long.class).single();
    }

    List<ArticleFlag> flags(String unitCode, Long articleId, boolean openOnly) {
        return jdbc.sql("""
                select f.*, a.title, a.unit_code from kb_article_flag f join kb_article a on a.id = f.article_id
                where (cast(:unit as varchar) is null or a.unit_code = :unit) and (cast(:article as bigint) is null or f.article_id = :article)
                  and (not :open or f.resolved_at is null)
                order by f.id desc limit 500""")
                .param("unit", unitCode).param("article", articleId).param("open", openOnly)
                .query((rs, i) -> new ArticleFlag(rs.getLong("id"), rs.getLong("article_id"), rs.getString("title"),
                        rs.getString("unit_code"), ArticleFlag.Reason.valueOf(rs.getString("reason")), rs.getString("note"),
                        rs.getString("flagged_by"), rs.getTimestamp("at").toInstant(),
                        rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant(), rs.getString("resolved_by")))
                .list();
    }

    boolean resolveFlag(long flagId, String actor, Instant now) {
        return jdbc.sql("update kb_article_flag set resolved_at = ?, resolved_by = ? where id = ? and resolved_at is null")
                .params(Timestamp.from(now), actor, flagId).update() == 1;
    }

    Optional<Long> flagArticle(long flagId) {
        return jdbc.sql("select article_id from kb_article_flag where id = ?").param(flagId).query(Long.class).optional();
    }

    void recordUse(long articleId, long orderId, String actor, Instant now) {
        jdbc.sql("insert into kb_article_use (article_id, order_id, actor, at) values (?, ?, ?, ?)")
                .params(articleId, orderId, actor, Timestamp.from(now)).update();
        jdbc.sql("update kb_article set usage_count = usage_count + 1 where id = ?").param(articleId).update();
    }

    long count() {
        return jdbc.sql("select count(*) from kb_article").query(Long.class).single();
    }

    static Article article(ResultSet rs, int i) throws SQLException {
        Timestamp published = rs.getTimestamp("published_at");
        Timestamp updated = rs.getTimestamp("updated_at");
        return new Article(rs.getLong("id"), rs.getString("title"), rs.getString("body_html"), rs.getString("unit_code"),
                codes(rs.getArray("category_codes")), rs.getString("keywords"), rs.getString("synonyms"),
                rs.getDate("effective_from").toLocalDate(), date(rs, "expires_on"), ArticleStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), (Integer) rs.getObject("live_version"), rs.getInt("usage_count"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), updated == null ? null : updated.toInstant(),
                published == null ? null : published.toInstant());
    }

    private static List<String> codes(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static String nz(String s) {
        return s == null ? "" : s.strip();
    }
}
