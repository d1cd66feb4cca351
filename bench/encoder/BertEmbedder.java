package io.swiftresponse.intake.classifier;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Experiment only (issue 5, seventh pass; see bench/encoder/run.sh): the BERT WordPiece tokenizer of
 * bge-small-zh-v1.5 (CJK characters one token each, punctuation split, greedy longest-match word pieces) and the
 * quantized ONNX encoder run by ONNX Runtime; a text becomes its [CLS] vector and its masked mean, each L2-normalised.
 */
final class BertEmbedder implements AutoCloseable {
    final Map<String, Integer> vocab = new HashMap<>();
    final OrtEnvironment env = OrtEnvironment.getEnvironment();
    final OrtSession session;
    final int maxLen;

    BertEmbedder(Path dir, int maxLen, int threads) throws Exception {
        JsonNode model = new ObjectMapper().readTree(dir.resolve("tokenizer.json").toFile()).path("model").path("vocab");
        model.properties().forEach(e -> vocab.put(e.getKey(), e.getValue().asInt()));
        OrtSession.SessionOptions so = new OrtSession.SessionOptions();
        so.setIntraOpNumThreads(threads);
        so.setInterOpNumThreads(1);
        so.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        session = env.createSession(dir.resolve("model.onnx").toString(), so);
        this.maxLen = maxLen;
    }

    static boolean cjk(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2CEAF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
    }

    static boolean punct(int c) {
        if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }

    long[] encode(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        Runnable flush = () -> {
            if (!cur.isEmpty()) {
                words.add(cur.toString());
                cur.setLength(0);
            }
        };
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || (Character.isISOControl(c) && !Character.isWhitespace(c))) {
                return;
            }
            if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
                flush.run();
            } else if (cjk(c) || punct(c)) {
                flush.run();
                words.add(new String(Character.toChars(c)));
            } else {
                cur.appendCodePoint(c);
            }
        });
        flush.run();
        List<Integer> ids = new ArrayList<>();
        ids.add(101);
        for (String w : words) {
            if (ids.size() >= maxLen - 1) {
                break;
            }
            if (w.length() > 100) {
                ids.add(100);
                continue;
            }
            List<Integer> pieces = new ArrayList<>();
            int start = 0;
            boolean bad = false;
            while (start < w.length()) {
                int end = w.length();
                Integer found = null;
                while (start < end) {
                    String sub = (start > 0 ? "##" : "") + w.substring(start, end);
                    found = vocab.get(sub);
                    if (found != null) {
                        break;
                    }
                    end--;
                }
                if (found == null) {
                    bad = true;
                    break;
                }
                pieces.add(found);
                start = end;
            }
            if (bad) {
                ids.add(100);
            } else {
                ids.addAll(pieces);
            }
        }
        while (ids.size() > maxLen - 1) {
            ids.remove(ids.size() - 1);
        }
        ids.add(102);
        return ids.stream().mapToLong(Integer::longValue).toArray();
    }

    /** Rows of equal padded length; returns per row [CLS (d) | masked mean (d)], each L2-normalised. */
    float[][] embed(List<long[]> batch) throws Exception {
        int b = batch.size();
        int len = batch.stream().mapToInt(x -> x.length).max().orElse(2);
        long[] ids = new long[b * len];
        long[] mask = new long[b * len];
        long[] type = new long[b * len];
        for (int i = 0; i < b; i++) {
            long[] x = batch.get(i);
            for (int j = 0; j < x.length; j++) {
                ids[i * len + j] = x[j];
                mask[i * len + j] = 1;
            }
        }
        long[] shape = {b, len};
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor t = OnnxTensor.createTensor(env, LongBuffer.wrap(type), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", t))) {
            float[][][] h = (float[][][]) r.get(0).getValue();
            int d = h[0][0].length;
            float[][] out = new float[b][2 * d];
            for (int i = 0; i < b; i++) {
                int n = batch.get(i).length;
                for (int k = 0; k < d; k++) {
                    out[i][k] = h[i][0][k];
                    float s = 0;
                    for (int j = 0; j < n; j++) {
                        s += h[i][j][k];
                    }
                    out[i][d + k] = s / n;
                }
                norm(out[i], 0, d);
                norm(out[i], d, d);
            }
            return out;
        }
    }

    static void norm(float[] v, int off, int d) {
        double s = 0;
        for (int k = 0; k < d; k++) {
            s += v[off + k] * v[off + k];
        }
        float inv = (float) (1 / Math.sqrt(Math.max(s, 1e-12)));
        for (int k = 0; k < d; k++) {
            v[off + k] *= inv;
        }
    }

    @Override
    public void close() throws Exception {
        session.close();
    }
}
