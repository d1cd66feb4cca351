package io.swiftresponse.workorder;

import io.swiftresponse.shared.web.Problem;
import java.util.Arrays;
import java.util.List;

/**
 * An uploaded file checked by its first bytes, not by its name or the browser's content type, which anyone
 * can fake: JPEG, PNG, WebP images and PDF documents only, at most {@link #MAX_BYTES} each.
 */
public record AttachmentFile(String fileName, String contentType, byte[] bytes) {

    public static final long MAX_BYTES = 5L * 1024 * 1024;
    public static final int MAX_FILES = 5;

    /** Checks the bytes and returns the file with its real content type; refuses anything else clearly. */
    public static AttachmentFile checked(String originalName, byte[] bytes) {
        String name = safeName(originalName);
        if (bytes.length == 0) {
            throw Problem.invalidField("files", "'" + name + "' is empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw Problem.invalidField("files", "'" + name + "' is " + (bytes.length / 1024) + " KB; the limit is "
                    + (MAX_BYTES / 1024 / 1024) + " MB per file");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw Problem.invalidField("files", "'" + name + "' is not a JPEG, PNG or WebP image or a PDF document");
        }
        return new AttachmentFile(name, type, bytes);
    }

    /**
     * Checks a form's uploads: empty file inputs are skipped, then the count, each size (before reading it
     * into memory) and each type by content. {@code imagesOnly} refuses PDFs too (citizens send photos).
     */
    public static List<AttachmentFile> fromUploads(List<org.springframework.web.multipart.MultipartFile> uploads, String field,
            int max, boolean imagesOnly) {
        List<org.springframework.web.multipart.MultipartFile> real = uploads == null ? List.of() : uploads.stream()
                .filter(f -> !f.isEmpty() || (f.getOriginalFilename() != null && !f.getOriginalFilename().isBlank())).toList();
        if (real.size() > max) {
            throw Problem.invalidField(field, "at most " + max + " files per upload");
        }
        List<AttachmentFile> out = new java.util.ArrayList<>();
        for (var f : real) {
            if (f.getSize() > MAX_BYTES) {
                throw Problem.invalidField(field, "'" + safeName(f.getOriginalFilename()) + "' is larger than " + MAX_BYTES / 1024 / 1024 + " MB");
            }
            AttachmentFile a;
            try {
                a = checked(f.getOriginalFilename(), f.getBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (imagesOnly && !a.contentType().startsWith("image/")) {
                throw Problem.invalidField(field, "'" + a.fileName() + "' is not a photo (JPEG, PNG or WebP)");
            }
            out.add(a);
        }
        return out;
    }

    static String sniff(byte[] b) {
        if (starts(b, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) return "image/png";
        if (b.length >= 12 && starts(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "image/webp";
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) return "application/pdf";
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }

    /** Keeps only the last path segment and printable characters; the name is shown, never used as a path. */
    static String safeName(String original) {
        String n = original == null ? "" : original.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}]", "").strip();
        if (n.isEmpty()) n = "file";
        return n.length() > 200 ? n.substring(n.length() - 200) : n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachmentFile f && f.fileName.equals(fileName) && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return fileName.hashCode() * 31 + Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "AttachmentFile[" + fileName + ", " + contentType + ", " + bytes.length + " bytes]";
    }
}
