package io.swiftresponse.workorder;

import io.swiftresponse.identity.CurrentUser;
import io.swiftresponse.shared.web.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Files attached to orders, stored under {@code <data dir>/attachments/<order id>/} with a random name (the
 * uploaded name is only shown). Reading one checks the reader's scope on the order first.
 */
@Service
public class OrderAttachments {

    private final JdbcClient jdbc;
    private final OrderQueries queries;
    private final Clock clock;
    private final Path root;

    OrderAttachments(JdbcClient jdbc, OrderQueries queries, Clock clock, @Value("${swift.data-dir:./data}") String dataDir) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.clock = clock;
        this.root = Path.of(dataDir).toAbsolutePath().normalize().resolve("attachments");
    }

    public record Attachment(long id, long orderId, String fileName, String contentType, long sizeBytes, String purpose,
            String uploadedBy, Instant uploadedAt) {
    }

    /**
     * Writes the files and their rows; call inside the transaction of the action they belong to. Returns the
     * written paths so that the caller can remove them if that transaction fails.
     */
    public List<Path> store(long orderId, List<AttachmentFile> files, String purpose, String uploadedBy) {
        List<Path> written = new ArrayList<>();
        try {
            Path dir = Files.createDirectories(root.resolve(Long.toString(orderId)));
            for (AttachmentFile f : files) {
                String stored = UUID.randomUUID().toString();
                Path target = dir.resolve(stored);
                Files.write(target, f.bytes());
                written.add(target);
                jdbc.sql("insert into order_attachment (order_id, stored_name, file_name, content_type, size_bytes, purpose, "
                                + "uploaded_by, uploaded_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(orderId, stored, f.fileName(), f.contentType(), f.bytes().length, purpose, uploadedBy,
                                Timestamp.from(clock.instant()))
                        .update();
            }
            return written;
        } catch (IOException e) {
            discard(written);
            throw new UncheckedIOException("could not store an attachment of order " + orderId, e);
        }
    }

    public static void discard(List<Path> written) {
        for (Path p : written) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray file without a row is never served; nothing else to do
            }
        }
    }

    /** The attachments of an order the viewer may see (404 otherwise). */
    public List<Attachment> of(long orderId, CurrentUser viewer) {
        queries.find(orderId, viewer);
        return jdbc.sql("select id, order_id, file_name, content_type, size_bytes, purpose, uploaded_by, uploaded_at "
                        + "from order_attachment where order_id = ? order by id")
                .param(orderId)
                .query((rs, i) -> new Attachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** One attachment's description and bytes, for a viewer in the order's scope. */
    public Content read(long orderId, long attachmentId, CurrentUser viewer) {
        queries.find(orderId, viewer);
        var row = jdbc.sql("select stored_name, file_name, content_type from order_attachment where id = ? and order_id = ?")
                .params(attachmentId, orderId)
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional()
                .orElseThrow(() -> Problem.notFound("Attachment " + attachmentId));
        try {
            return new Content(row[1], row[2], Files.readAllBytes(root.resolve(Long.toString(orderId)).resolve(row[0])));
        } catch (IOException e) {
            throw Problem.notFound("The file of attachment " + attachmentId);
        }
    }

    public record Content(String fileName, String contentType, byte[] bytes) {
    }
}
